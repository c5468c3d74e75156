// Contact workflows: the public form, upserts by email (HubSpot-style), and a
// lead's conversion into a client. Each takes checked input (contact.inputs.ts)
// and the request's transaction client, and leaves atomicity to the caller.
import type { Company, Contact, Prisma } from '../../generated/prisma/client';
import { conflictError, notFoundError, userInputError } from '../../graphql/errors';
import { companiesNamed } from '../companies/company.service';
import { utcToday } from '../invoices/invoice.service';

type Db = Prisma.TransactionClient;
type Data = Record<string, unknown>;

/** The contact with this email, compared like the database does (trimmed, lower-case). */
export function contactByEmail(db: Db, email: string): Promise<Contact | null> {
  return db.contact.findUnique({ where: { email: email.trim().toLowerCase() } });
}

/**
 * contactByEmail for a write that creates the contact when there is none: the
 * email is locked until the transaction ends, so of two simultaneous first
 * submissions one creates the contact and the other, waiting, finds it (instead of
 * failing on the unique email).
 */
export async function contactByEmailForWrite(db: Db, email: string): Promise<Contact | null> {
  const key = email.trim().toLowerCase();
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`contact-email:${key}`}, 0))`;
  return contactByEmail(db, key);
}

/** The entries of `data` for fields that are empty on `row`: fills gaps, never overwrites. */
function emptyFieldsOnly(row: object, data: Data): Data {
  const stored = row as Data;
  return Object.fromEntries(Object.entries(data).filter(([field, value]) => value != null && stored[field] == null));
}

/**
 * The website form. A new email becomes a LEAD with the message in
 * `contacts.message`. A known email keeps its contact: the form only fills the
 * contact's empty fields, and its message becomes a note on the contact, so
 * `message` stays the first inquiry and later ones are dated notes. Returns the
 * contact's id.
 */
export async function submitContactForm(db: Db, form: Data, author: string | null): Promise<string> {
  const { message, ...fields } = form;
  const submitted = { ...fields, source: fields.source ?? 'website' };
  const existing = await contactByEmailForWrite(db, form.email as string);
  if (!existing) {
    const created = await db.contact.create({ data: { ...submitted, message, status: 'LEAD' } as Prisma.ContactUncheckedCreateInput, select: { id: true } });
    return created.id;
  }
  const fill = emptyFieldsOnly(existing, submitted);
  if (Object.keys(fill).length > 0) await db.contact.update({ where: { id: existing.id }, data: fill, select: { id: true } });
  if (message) {
    await db.note.create({ data: { noteType: 'CONTACT', relatedId: existing.id, noteText: message as string, isPrivate: false, createdBy: author }, select: { id: true } });
  }
  return existing.id;
}

export interface UpsertOutcome {
  id: string;
  /** No contact had the email: one was created. */
  created: boolean;
  /** An existing contact had a stored value changed. */
  updated: boolean;
}

/**
 * Creates the contact, or changes `existing` (the contact with the email) to the
 * given values. Values equal to the stored ones are not written, so re-sending
 * the same data changes nothing (not even updatedAt) and reports updated: false.
 */
export async function upsertContact(db: Db, existing: Contact | null, data: Data): Promise<UpsertOutcome> {
  if (!existing) {
    const created = await db.contact.create({ data: data as Prisma.ContactUncheckedCreateInput, select: { id: true } });
    return { id: created.id, created: true, updated: false };
  }
  const stored = existing as unknown as Data;
  const changes = Object.fromEntries(Object.entries(data).filter(([field, value]) => stored[field] !== value));
  const updated = Object.keys(changes).length > 0;
  if (updated) await db.contact.update({ where: { id: existing.id }, data: changes, select: { id: true } });
  return { id: existing.id, created: false, updated };
}

/** A convertLead input, checked (contact.inputs.ts). */
export interface ConvertLeadData {
  companyId?: string;
  /** companyName and the company fields given (null: not given). */
  company: Data;
  project?: { data: Data; serviceIds: string[] };
}

/** The contact convertLead acts on, or NOT_FOUND. */
export async function contactToConvert(db: Db, id: string): Promise<Contact> {
  const contact = await db.contact.findUnique({ where: { id } });
  if (!contact) throw notFoundError('contact', id, ['input', 'contactId']);
  return contact;
}

/**
 * The company the lead joins: companyId; else the company named companyName;
 * else the contact's linked company; else the company named as the contact's
 * company name. A name no company has is returned as the name of the company to
 * create; a name several companies have is an error (give companyId).
 */
async function targetCompany(db: Db, contact: Contact, input: ConvertLeadData): Promise<Company | string> {
  if (input.companyId) return db.company.findUniqueOrThrow({ where: { id: input.companyId } });
  const given = input.company.companyName as string | null | undefined;
  if (!given && contact.companyId) return db.company.findUniqueOrThrow({ where: { id: contact.companyId } });
  const name = given ?? contact.companyName?.trim();
  if (!name) {
    throw userInputError('Which company? Give companyId or companyName: the contact has no company and gave no company name', [
      { path: ['input', 'companyName'], message: 'is required (the contact has no company name)' },
    ]);
  }
  const matches = await companiesNamed(db, name);
  if (matches.length > 1) {
    throw userInputError(`Several companies are named "${name}": give companyId`, [
      { path: ['input', given ? 'companyName' : 'companyId'], message: `several companies are named "${name}"; give companyId` },
    ]);
  }
  return matches[0] ?? name;
}

/**
 * Converts a lead into a client: the contact becomes CONVERTED and joins the
 * company (found or created, see targetCompany), which becomes ACTIVE, its
 * contract starting today unless a start date is known, if it was a PROSPECT (INACTIVE and CHURNED companies keep their status: reactivating one is
 * a decision for updateCompany) and gets the contact as primary contact if it has
 * none. The company fields fill the company's empty fields (a new company gets
 * them all). With `project`, the client's first project is created with its
 * services. A contact already converted into that company is left as it is (a
 * re-fired automation does no harm), unless a project is asked for again: that,
 * or a conversion into another company, is a CONFLICT.
 */
export async function convertLead(db: Db, contact: Contact, input: ConvertLeadData): Promise<void> {
  const target = await targetCompany(db, contact, input);
  const existing = typeof target === 'string' ? null : target;
  if (contact.status === 'CONVERTED' && contact.companyId) {
    if (contact.companyId !== existing?.id) {
      throw conflictError('This contact is already converted, into another company; change its company with updateContact', [
        { path: ['input', 'contactId'], message: 'already converted into another company' },
      ]);
    }
    if (input.project) {
      throw conflictError('This contact is already converted into this company; add further projects with createProject', [
        { path: ['input', 'project'], message: 'the contact is already converted; use createProject' },
      ]);
    }
    return;
  }
  const { companyName: _name, ...fields } = input.company;
  let companyId: string;
  if (existing) {
    const activated = existing.status === 'PROSPECT';
    const changes: Prisma.CompanyUncheckedUpdateInput = {
      ...emptyFieldsOnly(existing, fields),
      // Becoming a client starts the contract today, unless a start date is known.
      ...(activated ? { status: 'ACTIVE', ...(existing.contractStartDate || fields.contractStartDate ? {} : { contractStartDate: utcToday() }) } : {}),
      ...(existing.primaryContactId ? {} : { primaryContactId: contact.id }),
    };
    if (Object.keys(changes).length > 0) await db.company.update({ where: { id: existing.id }, data: changes, select: { id: true } });
    companyId = existing.id;
  } else {
    const created = await db.company.create({
      data: {
        ...(fields as Partial<Prisma.CompanyUncheckedCreateInput>),
        companyName: target as string,
        companySize: (fields.companySize as string | null | undefined) ?? contact.companySize,
        status: 'ACTIVE',
        contractStartDate: (fields.contractStartDate as Date | null | undefined) ?? utcToday(),
        primaryContactId: contact.id,
      },
      select: { id: true },
    });
    companyId = created.id;
  }
  await db.contact.update({ where: { id: contact.id }, data: { status: 'CONVERTED', companyId }, select: { id: true } });
  if (input.project) {
    const serviceIds = [...new Set(input.project.serviceIds)];
    await db.project.create({
      data: { ...(input.project.data as Omit<Prisma.ProjectUncheckedCreateInput, 'companyId'>), companyId, services: { create: serviceIds.map((serviceId) => ({ serviceId })) } },
      select: { id: true },
    });
  }
}
