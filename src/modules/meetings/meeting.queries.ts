import { addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Meeting', single: 'meeting', list: 'meetings', noun: 'meeting', nouns: 'meetings' });
