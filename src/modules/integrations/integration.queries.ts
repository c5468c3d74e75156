import { addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Integration', single: 'integration', list: 'integrations', noun: 'integration', nouns: 'integrations' });
