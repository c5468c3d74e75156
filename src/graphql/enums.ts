// The contract's enums, straight from the Prisma enums: UPPER_SNAKE_CASE values in
// GraphQL and TypeScript, stored lowercase (the @map in schema.prisma).
import {
  CompanyStatus,
  ContactStatus,
  IntegrationStatus,
  InvoiceStatus,
  InvoiceType,
  MeetingStatus,
  MeetingType,
  NoteType,
  Priority,
  ProjectStatus,
  TicketStatus,
} from '../generated/prisma/client';
import { builder } from './builder';

export const ContactStatusEnum = builder.enumType(ContactStatus, {
  name: 'ContactStatus',
  description: 'Where a contact is in the sales funnel: LEAD → CONTACTED → QUALIFIED → CONVERTED (or LOST).',
});
export const CompanyStatusEnum = builder.enumType(CompanyStatus, {
  name: 'CompanyStatus',
  description: 'The relationship with a company: PROSPECT, ACTIVE client, INACTIVE or CHURNED.',
});
export const ProjectStatusEnum = builder.enumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Delivery stage of a project: SCOPING → DEMO → IN_PROGRESS → LIVE, or PAUSED / CANCELLED.',
});
export const InvoiceStatusEnum = builder.enumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'Billing state of an invoice. An unpaid invoice past its due date is overdue.',
});
export const InvoiceTypeEnum = builder.enumType(InvoiceType, {
  name: 'InvoiceType',
  description: 'What an invoice bills for: a project SETUP fee, a MONTHLY fee, a ONE_TIME charge or TOOL_COST pass-through.',
});
export const MeetingStatusEnum = builder.enumType(MeetingStatus, { name: 'MeetingStatus', description: 'Whether a meeting is still SCHEDULED or how it ended.' });
export const MeetingTypeEnum = builder.enumType(MeetingType, { name: 'MeetingType', description: 'The purpose of a meeting.' });
export const TicketStatusEnum = builder.enumType(TicketStatus, { name: 'TicketStatus', description: 'Where a support ticket is in its lifecycle.' });
export const PriorityEnum = builder.enumType(Priority, {
  name: 'Priority',
  description: 'One priority scale for projects and support tickets, LOW to CRITICAL.',
});
export const IntegrationStatusEnum = builder.enumType(IntegrationStatus, {
  name: 'IntegrationStatus',
  description: 'Whether a project\'s tool is ACTIVE, INACTIVE or still in TESTING.',
});
export const NoteTypeEnum = builder.enumType(NoteType, {
  name: 'NoteType',
  description: 'What a note is attached to: a CONTACT, COMPANY or PROJECT (see `relatedId`), or GENERAL (nothing).',
});
