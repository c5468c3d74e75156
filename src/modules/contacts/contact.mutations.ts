import { addCrudMutations } from '../../graphql/crud';
import { contactWrite } from './contact.inputs';

addCrudMutations({
  model: 'Contact',
  inputs: contactWrite,
  descriptions: {
    delete: 'Deletes a contact with their meetings and notes; a company whose primary contact they were keeps no primary contact.',
  },
});
