import { addCrudMutations } from '../../graphql/crud';
import { integrationWrite } from './integration.inputs';

addCrudMutations({ model: 'Integration', inputs: integrationWrite });
