// Filter and sort keys of Contact lists (see src/graphql/filters.ts), the write
// inputs, and the workflow mutations' inputs with their checks.
import { builder } from '../../graphql/builder';
import type { Db } from '../../graphql/context';
import { ContactStatusEnum } from '../../graphql/enums';
import { InputErrors } from '../../graphql/errors';
import { defineListInputs } from '../../graphql/filters';
import { EmailAddressScalar } from '../../graphql/scalars';
import {
  checkPhone,
  checkReferences,
  checkWriteInput,
  defineWriteInputs,
  writeInput,
  writeInputFields,
  type WriteField,
  type WriteFields,
} from '../../graphql/write-inputs';
import { companyWrite } from '../companies/company.inputs';
import { projectWrite } from '../projects/project.inputs';
import type { ConvertLeadData } from './contact.service';

defineListInputs('Contact', {
  fields: {
    id: 'UUID',
    firstName: 'String',
    lastName: 'String',
    email: 'String',
    phone: 'String',
    companyName: 'String',
    companySize: 'String',
    message: 'String',
    status: { enum: ContactStatusEnum, name: 'ContactStatus' },
    source: 'String',
    companyId: 'UUID',
    assignedTo: 'UUID',
    createdAt: 'DateTime',
    updatedAt: 'DateTime',
    company: { one: 'Company' },
    meetings: { many: 'Meeting' },
    supportTickets: { many: 'SupportTicket' },
  },
  searchDescription: 'Matches first name, last name, email, the company name they gave or their linked company\'s name, ignoring case.',
  search: (term) => ({
    OR: [
      { firstName: { contains: term, mode: 'insensitive' } },
      { lastName: { contains: term, mode: 'insensitive' } },
      { email: { contains: term, mode: 'insensitive' } },
      { companyName: { contains: term, mode: 'insensitive' } },
      { company: { is: { companyName: { contains: term, mode: 'insensitive' } } } },
    ],
  }),
});

export const contactWrite = defineWriteInputs('Contact', {
  firstName: { type: 'String', required: true, description: 'Given name.' },
  lastName: { type: 'String', description: 'Family name.' },
  email: { type: 'EmailAddress', required: true, description: 'Unique, compared case-insensitively.' },
  phone: { type: 'String', check: checkPhone, description: 'As people type it: +1 (868) 555-0101, 868 555 0101 ext 12.' },
  companyName: { type: 'String', description: 'The company name as the contact gave it.' },
  companySize: { type: 'String', description: 'Employee count range, e.g. "11-50".' },
  message: { type: 'String', description: 'The inquiry message.' },
  status: { type: ContactStatusEnum, description: 'Default LEAD.' },
  source: { type: 'String', description: 'website, referral, linkedin, ... (default website).' },
  companyId: { type: 'UUID', references: 'Company', description: 'The client company this contact belongs to.' },
  assignedTo: { type: 'UUID', description: 'The team member (Supabase user id) who owns the contact.' },
});

// ---- workflow inputs (submitContactForm, upsertContact(s), convertLead) ----------------

/** Most contacts one upsertContacts call takes. */
export const MAX_UPSERT_CONTACTS = 100;

/**
 * The workflow inputs take the email as a String and check it with the other
 * fields (by the EmailAddress scalar's own rules), so a bad address is reported
 * together with every other bad field, and in a batch as that item's error,
 * instead of failing the whole request while the variables are read.
 */
const emailText: WriteField = {
  type: 'String',
  required: true,
  description: 'Unique, compared case-insensitively (stored trimmed and lower-case).',
  normalize: (value: string) => value.toLowerCase(),
  check: (value: string) => {
    try {
      EmailAddressScalar.parseValue(value);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  },
};

const { firstName, lastName, phone, companyName, companySize, message, source } = contactWrite.fields;

export const contactFormFields: WriteFields = {
  firstName: firstName!,
  lastName: lastName!,
  email: emailText,
  phone: phone!,
  companyName: companyName!,
  companySize: companySize!,
  message: { ...message!, description: 'The inquiry: a new contact keeps it in `message`; for a known email it becomes a note on the contact.' },
  source: { ...source!, description: 'Where the form was filled in: website (default), landing page, ...' },
};

export const SubmitContactFormInput = writeInput(
  'SubmitContactFormInput',
  contactFormFields,
  'create',
  'The public website contact form. Strings are trimmed; a blank optional field is left empty.',
);

const upsertContactFields: WriteFields = { ...contactWrite.fields, email: emailText };

export const UpsertContactInput = writeInput(
  'UpsertContactInput',
  { ...upsertContactFields, firstName: { ...firstName!, required: false, description: 'Required when no contact has this email yet.' } },
  'create',
  'A contact found by email (ignoring case) and changed, or created when there is none. On a change, a field left out stays as it is ' +
    'and null (or a blank string) clears an optional field. Strings are trimmed.',
);

export const UpsertContactsInput = builder.inputType('UpsertContactsInput', {
  description: 'Contacts to create or update by email, in one call.',
  fields: (t) => ({
    contacts: t.field({
      type: [UpsertContactInput],
      required: true,
      description: `At most ${MAX_UPSERT_CONTACTS}, applied in order: a later item with the same email as an earlier one updates the contact the earlier one wrote.`,
    }),
  }),
});

/**
 * The data one upsertContacts item (or upsertContact) writes, or BAD_USER_INPUT
 * naming every bad field under `path`. `exists` says whether the email names a
 * contact: then fields left out stay as they are, else firstName is required.
 */
export async function checkUpsertContact(db: Db, input: Record<string, unknown>, options: { exists: boolean; path: string[] }): Promise<Record<string, unknown>> {
  const { exists, path } = options;
  const errors = new InputErrors();
  const data = await checkWriteInput(db, 'Contact', upsertContactFields, input, { mode: exists ? 'update' : 'create', errors, path });
  // The GraphQL type cannot require firstName for new contacts only.
  if (!exists && input.firstName === undefined) errors.add([...path, 'firstName'], 'is required');
  errors.throwIfAny();
  return data;
}

const { companyName: legalName, industry, companySize: employees, website, address, city, country } = companyWrite.fields;

/** The company a lead converts into: found by name (or id), or created from these fields. */
const convertCompanyFields: WriteFields = {
  companyId: { type: 'UUID', references: 'Company', description: 'The (existing) company the lead joins. Give this or companyName.' },
  companyName: {
    ...legalName!,
    required: false,
    description:
      'The company the lead joins, found by name ignoring case, or created. Without companyId and companyName: the contact\'s linked company, ' +
      'else the company name the contact gave.',
  },
  industry: { ...industry!, description: 'Healthcare, Legal, Retail, ...' },
  companySize: { ...employees!, description: 'Employee count range, e.g. "11-50" (a new company: default the size the contact gave).' },
  website: { ...website!, description: 'The company\'s website.' },
  address: { ...address!, description: 'Street address.' },
  city: { ...city!, description: 'City or town.' },
  country: { ...country!, description: 'Trinidad and Tobago, Barbados, ...' },
};

const { projectName, projectType, description, setupFee, monthlyFee } = projectWrite.fields;
const convertProjectFields: WriteFields = {
  projectName: { ...projectName!, description: 'What the project is called, e.g. "Website chatbot".' },
  projectType: projectType!,
  description: { ...description!, description: 'What the project delivers.' },
  setupFee: { ...setupFee!, description: 'One-time setup fee (TTD, default 0).' },
  monthlyFee: { ...monthlyFee!, description: 'Monthly fee once live (TTD, default 0).' },
};

const ConvertLeadProjectInput = builder.inputRef<Record<string, unknown>>('ConvertLeadProjectInput').implement({
  description: 'The converted client\'s first project (status SCOPING), with the catalog services it delivers.',
  fields: (t) =>
    ({
      ...writeInputFields(t, convertProjectFields, 'create'),
      serviceIds: t.field({ type: ['UUID'], description: 'Services from the catalog, each existing and active (isActive).' }),
    }) as never,
});

export const ConvertLeadInput = builder.inputRef<Record<string, unknown>>('ConvertLeadInput').implement({
  description:
    'A lead to convert into a client. The company fields (industry, ...) fill the company\'s empty fields, or describe a new company. ' +
    'Strings are trimmed; a blank optional field is left empty.',
  fields: (t) =>
    ({
      contactId: t.field({ type: 'UUID', required: true, description: 'The contact (lead) to convert.' }),
      ...writeInputFields(t, convertCompanyFields, 'create'),
      project: t.field({ type: ConvertLeadProjectInput, description: 'Creates the client\'s first project too.' }),
    }) as never,
});

/** A convertLead input's data, or BAD_USER_INPUT naming every bad field. */
export async function checkConvertLead(db: Db, input: Record<string, unknown>): Promise<ConvertLeadData> {
  const errors = new InputErrors();
  const { companyId, ...company } = await checkWriteInput(db, 'Company', convertCompanyFields, input, { mode: 'create', errors });
  if (companyId && company.companyName) errors.add(['input', 'companyName'], 'give companyId or companyName, not both');
  const projectInput = input.project as Record<string, unknown> | null | undefined;
  let project: ConvertLeadData['project'];
  if (projectInput) {
    const path = ['input', 'project'];
    const data = await checkWriteInput(db, 'Project', convertProjectFields, projectInput, { mode: 'create', errors, path });
    const serviceIds = (projectInput.serviceIds as string[] | null | undefined) ?? [];
    const services = serviceIds.map((id, i) => ({ model: 'Service' as const, id, path: [...path, 'serviceIds', String(i)] }));
    if (services.length > 0) {
      await checkReferences(db, services, errors);
      const inactive = new Set((await db.service.findMany({ where: { id: { in: serviceIds }, isActive: false }, select: { id: true } })).map((s) => s.id));
      for (const service of services) if (inactive.has(service.id)) errors.add(service.path, 'this service is no longer offered (isActive is false)');
    }
    project = { data, serviceIds };
  }
  errors.throwIfAny();
  return { companyId: companyId as string | undefined, company, project };
}
