import { addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Note', single: 'note', list: 'notes', noun: 'note', nouns: 'notes' });
