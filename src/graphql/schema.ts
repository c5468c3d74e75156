// The schema index: imports every module (each registers its types and fields on
// the builder), then builds the schema.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder';
import './enums';
import '../modules/contacts/contact.inputs';
import '../modules/contacts/contact.type';
import '../modules/contacts/contact.queries';
import '../modules/companies/company.inputs';
import '../modules/companies/company.type';
import '../modules/companies/company.queries';
import '../modules/projects/project.inputs';
import '../modules/projects/project.type';
import '../modules/projects/project.queries';
import '../modules/projects/project-services';
import '../modules/services/service.inputs';
import '../modules/services/service.type';
import '../modules/services/service.queries';
import '../modules/invoices/invoice.inputs';
import '../modules/invoices/invoice.type';
import '../modules/invoices/invoice.queries';
import '../modules/meetings/meeting.inputs';
import '../modules/meetings/meeting.type';
import '../modules/meetings/meeting.queries';
import '../modules/support-tickets/support-ticket.inputs';
import '../modules/support-tickets/support-ticket.type';
import '../modules/support-tickets/support-ticket.queries';
import '../modules/integrations/integration.inputs';
import '../modules/integrations/integration.type';
import '../modules/integrations/integration.queries';
import '../modules/notes/note.inputs';
import '../modules/notes/note.type';
import '../modules/notes/note.queries';

export const schema = lexicographicSortSchema(builder.toSchema());
