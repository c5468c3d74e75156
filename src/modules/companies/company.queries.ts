import { addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Company', single: 'company', list: 'companies', noun: 'company', nouns: 'companies' });
