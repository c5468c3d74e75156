import { addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Project', single: 'project', list: 'projects', noun: 'project', nouns: 'projects' });
