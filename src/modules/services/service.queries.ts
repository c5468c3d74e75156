import { addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Service', single: 'service', list: 'services', noun: 'service', nouns: 'services' });
