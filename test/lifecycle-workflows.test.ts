// Workflow mutations over meetings, projects and notes, the project ↔ service links,
// and the write rules of services and integrations: through HTTP, checked in SQL.
// A refused write must leave every table as it was (checksums before and after).
import { SEED_IDS } from '../src/db/seed';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, TEST_ADMIN_ID, type GraphQLResponse, type TestServer } from './helpers/http';
import { graphql } from './generated';

const ScheduleMeeting = graphql(`
  mutation LifecycleScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) { id status contactId companyId title scheduledAt durationMinutes meetingUrl outcome attendees }
  }
`);
const CreateMeeting = graphql(`
  mutation LifecycleCreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) { id status contactId companyId scheduledAt }
  }
`);
const CompleteMeeting = graphql(`
  mutation LifecycleCompleteMeeting($id: UUID!, $input: CompleteMeetingInput!) {
    completeMeeting(id: $id, input: $input) { id status outcome attendees }
  }
`);
const CancelMeeting = graphql(`
  mutation LifecycleCancelMeeting($id: UUID!, $input: CancelMeetingInput) {
    cancelMeeting(id: $id, input: $input) { id status outcome }
  }
`);
const MarkMeetingNoShow = graphql(`
  mutation LifecycleMarkMeetingNoShow($id: UUID!) {
    markMeetingNoShow(id: $id) { id status }
  }
`);
const RescheduleMeeting = graphql(`
  mutation LifecycleRescheduleMeeting($id: UUID!, $input: RescheduleMeetingInput!) {
    rescheduleMeeting(id: $id, input: $input) { id status scheduledAt durationMinutes }
  }
`);
const ChangeProjectStatus = graphql(`
  mutation LifecycleChangeProjectStatus($id: UUID!, $input: ChangeProjectStatusInput!) {
    changeProjectStatus(id: $id, input: $input) { id status goLiveDate company { id monthlyRecurring } }
  }
`);
const CreateProject = graphql(`
  mutation LifecycleCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id status goLiveDate }
  }
`);
const UpdateProject = graphql(`
  mutation LifecycleUpdateProject($id: UUID!, $input: UpdateProjectInput!) {
    updateProject(id: $id, input: $input) { id status goLiveDate }
  }
`);
const DeleteProject = graphql(`
  mutation LifecycleDeleteProject($id: UUID!) {
    deleteProject(id: $id) { id projectName }
  }
`);
const AddNote = graphql(`
  mutation LifecycleAddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      id noteType relatedId noteText isPrivate createdBy
      related { __typename ... on Contact { id } ... on Company { id } ... on Project { id } }
    }
  }
`);
const CreateNote = graphql(`
  mutation LifecycleCreateNote($input: CreateNoteInput!) {
    createNote(input: $input) { id noteType relatedId createdBy }
  }
`);
const AddServiceToProject = graphql(`
  mutation LifecycleAddServiceToProject($projectId: UUID!, $serviceId: UUID!) {
    addServiceToProject(projectId: $projectId, serviceId: $serviceId) { id services { totalCount nodes { id } } }
  }
`);
const RemoveServiceFromProject = graphql(`
  mutation LifecycleRemoveServiceFromProject($projectId: UUID!, $serviceId: UUID!) {
    removeServiceFromProject(projectId: $projectId, serviceId: $serviceId) { id services { totalCount nodes { id } } }
  }
`);
const CreateService = graphql(`
  mutation LifecycleCreateService($input: CreateServiceInput!) {
    createService(input: $input) { id }
  }
`);
const UpdateService = graphql(`
  mutation LifecycleUpdateService($id: UUID!, $input: UpdateServiceInput!) {
    updateService(id: $id, input: $input) { id }
  }
`);
const DeleteService = graphql(`
  mutation LifecycleDeleteService($id: UUID!) {
    deleteService(id: $id) { id }
  }
`);
const CreateIntegration = graphql(`
  mutation LifecycleCreateIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) { id apiKeyName }
  }
`);

const DAY_MS = 24 * 60 * 60 * 1000;
/** An instant `days` from now (negative: past), as the API takes it. */
const fromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const PROJECT_STATUSES = ['SCOPING', 'DEMO', 'IN_PROGRESS', 'LIVE', 'PAUSED', 'CANCELLED'] as const;
const MEETING_ENDS = ['COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;

type ErrorBody = NonNullable<GraphQLResponse<unknown>['body']['errors']>[number];

describe.each(testTargets())('lifecycle workflows (%s)', (target) => {
  let db: TestDatabase;
  let api: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    api = await startTestServer(db);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** Sends a write that must be refused with `status`/`code` and change no table; returns the error. */
  async function refused(send: () => Promise<GraphQLResponse<unknown>>, status: number, code: string): Promise<ErrorBody> {
    const before = await db.checksums();
    const res = await send();
    expect(res.body.errors).toHaveLength(1);
    expect({ status: res.status, code: res.body.errors![0]!.extensions?.code }).toEqual({ status, code });
    expect(await db.checksums()).toEqual(before);
    return res.body.errors![0]!;
  }

  const fieldPaths = (error: ErrorBody) => ((error.extensions?.fieldErrors ?? []) as { path: string[] }[]).map((f) => f.path);

  async function meetingWithStatus(status: string): Promise<string> {
    const [row] = await db.sql<{ id: string }>(
      `INSERT INTO meetings (contact_id, title, scheduled_at, status) VALUES ($1, 'Fixture', now() + interval '3 days', $2) RETURNING id`,
      [SEED_IDS.primaryContact, status.toLowerCase()],
    );
    return row!.id;
  }

  /** A company of its own with no projects, so its totals depend on this test only. */
  async function newCompany(): Promise<string> {
    const [row] = await db.sql<{ id: string }>(`INSERT INTO companies (company_name, status) VALUES ('Lifecycle Fixture Ltd', 'active') RETURNING id`);
    return row!.id;
  }

  async function newProject(companyId: string, fields: { status?: string; monthlyFee?: string; startDate?: string; goLiveDate?: string } = {}): Promise<string> {
    const [row] = await db.sql<{ id: string }>(
      `INSERT INTO projects (company_id, project_name, status, monthly_fee, start_date, go_live_date)
       VALUES ($1, 'Fixture project', $2, $3, $4, $5) RETURNING id`,
      [companyId, (fields.status ?? 'SCOPING').toLowerCase(), fields.monthlyFee ?? '0', fields.startDate ?? null, fields.goLiveDate ?? null],
    );
    return row!.id;
  }

  /** The company's stored monthlyRecurring, after checking it is the sum of its LIVE projects' monthly fees. */
  async function monthlyRecurring(companyId: string): Promise<string> {
    const [row] = await db.sql<{ stored: string; live_sum: string }>(
      `SELECT c.monthly_recurring::text AS stored,
              (SELECT coalesce(sum(monthly_fee), 0) FROM projects p WHERE p.company_id = c.id AND p.status = 'live')::numeric(10,2)::text AS live_sum
       FROM companies c WHERE c.id = $1`,
      [companyId],
    );
    expect(row!.stored).toBe(row!.live_sum);
    return row!.stored;
  }

  describe('meetings', () => {
    it('scheduleMeeting creates a SCHEDULED meeting with the contact\'s company, once per Idempotency-Key', async () => {
      const scheduledAt = fromNow(7);
      const input = { contactId: SEED_IDS.primaryContact, title: '  Quarterly review ', scheduledAt, durationMinutes: 45, meetingUrl: 'https://meet.google.com/abc-defg-hij' };
      const headers = { 'idempotency-key': `lifecycle-schedule-${target}` };
      const first = await api.post(ScheduleMeeting, { input }, headers);
      expect(first.status).toBe(200);
      const meeting = first.body.data!.scheduleMeeting;
      expect(meeting).toMatchObject({ status: 'SCHEDULED', contactId: SEED_IDS.primaryContact, companyId: SEED_IDS.companyWithLiveProjects, title: 'Quarterly review', durationMinutes: 45, outcome: null });
      const again = await api.post(ScheduleMeeting, { input }, headers);
      expect(again.body).toEqual(first.body);

      const rows = await db.sql<{ id: string; status: string; company_id: string; on_time: boolean; duration_minutes: number; meeting_url: string }>(
        `SELECT id, status, company_id, scheduled_at = $2::timestamptz AS on_time, duration_minutes, meeting_url FROM meetings WHERE contact_id = $1 AND title = 'Quarterly review'`,
        [SEED_IDS.primaryContact, scheduledAt],
      );
      expect(rows).toEqual([{ id: meeting.id, status: 'scheduled', company_id: SEED_IDS.companyWithLiveProjects, on_time: true, duration_minutes: 45, meeting_url: input.meetingUrl }]);
    });

    it('scheduleMeeting keeps an explicit companyId, and null leaves the meeting without a company', async () => {
      const base = { contactId: SEED_IDS.primaryContact, title: 'Partner call', scheduledAt: fromNow(2) };
      const other = await api.runOk(ScheduleMeeting, { input: { ...base, companyId: SEED_IDS.prospectCompany } });
      expect(other.scheduleMeeting.companyId).toBe(SEED_IDS.prospectCompany);
      const none = await api.runOk(ScheduleMeeting, { input: { ...base, companyId: null } });
      expect(none.scheduleMeeting.companyId).toBeNull();
      const lead = await api.runOk(ScheduleMeeting, { input: { ...base, contactId: SEED_IDS.leadContact } });
      expect(lead.scheduleMeeting.companyId).toBeNull();
    });

    it('scheduleMeeting refuses a start in the past; createMeeting logs a past meeting', async () => {
      const input = { contactId: SEED_IDS.primaryContact, title: 'Missed kickoff', scheduledAt: fromNow(-2) };
      const error = await refused(() => api.post(ScheduleMeeting, { input }), 400, 'BAD_USER_INPUT');
      expect(error.extensions?.fieldErrors).toEqual([{ path: ['input', 'scheduledAt'], message: 'must not be in the past' }]);
      expect(error.message).toMatch(/createMeeting/);

      const logged = await api.runOk(CreateMeeting, { input });
      expect(logged.createMeeting).toMatchObject({ status: 'SCHEDULED', companyId: SEED_IDS.companyWithLiveProjects });
      const completed = await api.runOk(CompleteMeeting, { id: logged.createMeeting.id, input: { outcome: 'Kickoff done' } });
      expect(completed.completeMeeting.status).toBe('COMPLETED');
    });

    it('checks URLs, durations, required fields and references of new meetings', async () => {
      const base = { contactId: SEED_IDS.primaryContact, title: 'Demo', scheduledAt: fromNow(5) };
      for (const send of [
        (input: Record<string, unknown>) => api.post(ScheduleMeeting, { input: input as never }),
        (input: Record<string, unknown>) => api.post(CreateMeeting, { input: input as never }),
      ]) {
        const url = await refused(() => send({ ...base, meetingUrl: 'not a url' }), 400, 'BAD_USER_INPUT');
        expect(fieldPaths(url)).toEqual([['input', 'meetingUrl']]);
        const duration = await refused(() => send({ ...base, durationMinutes: 0 }), 400, 'BAD_USER_INPUT');
        expect(fieldPaths(duration)).toEqual([['input', 'durationMinutes']]);
        const several = await refused(() => send({ ...base, title: '   ', contactId: UNKNOWN_ID }), 400, 'BAD_USER_INPUT');
        expect(fieldPaths(several).sort()).toEqual([['input', 'contactId'], ['input', 'title']]);
      }
    });

    it('completeMeeting records the outcome and attendees; a blank outcome is refused', async () => {
      const id = await meetingWithStatus('SCHEDULED');
      const blank = await refused(() => api.post(CompleteMeeting, { id, input: { outcome: '  ' } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(blank)).toEqual([['input', 'outcome']]);

      const done = await api.runOk(CompleteMeeting, { id, input: { outcome: ' Signed the renewal ', attendees: 'Anjali, Alice' } });
      expect(done.completeMeeting).toEqual({ id, status: 'COMPLETED', outcome: 'Signed the renewal', attendees: 'Anjali, Alice' });
      const [row] = await db.sql(`SELECT status, outcome, attendees FROM meetings WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'completed', outcome: 'Signed the renewal', attendees: 'Anjali, Alice' });
    });

    it('cancelMeeting keeps the reason as the outcome, and works without one', async () => {
      const withReason = await meetingWithStatus('SCHEDULED');
      await api.runOk(CancelMeeting, { id: withReason, input: { reason: 'Client travelling' } });
      const withoutReason = await meetingWithStatus('SCHEDULED');
      await api.runOk(CancelMeeting, { id: withoutReason });
      const rows = await db.sql(`SELECT id, status, outcome FROM meetings WHERE id = ANY($1::uuid[]) ORDER BY outcome NULLS LAST`, [[withReason, withoutReason]]);
      expect(rows).toEqual([
        { id: withReason, status: 'cancelled', outcome: 'Client travelling' },
        { id: withoutReason, status: 'cancelled', outcome: null },
      ]);
    });

    it('markMeetingNoShow marks a SCHEDULED meeting NO_SHOW', async () => {
      const id = await meetingWithStatus('SCHEDULED');
      expect((await api.runOk(MarkMeetingNoShow, { id })).markMeetingNoShow.status).toBe('NO_SHOW');
      expect(await db.sql(`SELECT status FROM meetings WHERE id = $1`, [id])).toEqual([{ status: 'no_show' }]);
    });

    it('rescheduleMeeting moves a SCHEDULED meeting, keeping the duration unless given; the past is refused', async () => {
      const id = await meetingWithStatus('SCHEDULED');
      const later = fromNow(10);
      await api.runOk(RescheduleMeeting, { id, input: { scheduledAt: later } });
      expect(await db.sql(`SELECT scheduled_at = $2::timestamptz AS moved, duration_minutes FROM meetings WHERE id = $1`, [id, later])).toEqual([{ moved: true, duration_minutes: 30 }]);
      await api.runOk(RescheduleMeeting, { id, input: { scheduledAt: later, durationMinutes: 90 } });
      expect(await db.sql(`SELECT duration_minutes, status FROM meetings WHERE id = $1`, [id])).toEqual([{ duration_minutes: 90, status: 'scheduled' }]);

      const past = await refused(() => api.post(RescheduleMeeting, { id, input: { scheduledAt: fromNow(-1) } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(past)).toEqual([['input', 'scheduledAt']]);
      const zero = await refused(() => api.post(RescheduleMeeting, { id, input: { scheduledAt: later, durationMinutes: 0 } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(zero)).toEqual([['input', 'durationMinutes']]);
    });

    it.each(MEETING_ENDS)('refuses to change a %s meeting with 409 CONFLICT, saying why, and changes nothing', async (status) => {
      const id = await meetingWithStatus(status);
      const attempts: [string, () => Promise<GraphQLResponse<unknown>>][] = [
        ['completed', () => api.post(CompleteMeeting, { id, input: { outcome: 'Went well' } })],
        ['cancelled', () => api.post(CancelMeeting, { id, input: { reason: 'Double booked' } })],
        ['marked as a no-show', () => api.post(MarkMeetingNoShow, { id })],
        ['rescheduled', () => api.post(RescheduleMeeting, { id, input: { scheduledAt: fromNow(4) } })],
      ];
      for (const [action, send] of attempts) {
        const error = await refused(send, 409, 'CONFLICT');
        expect(error.message).toBe(`This meeting is ${status}; only a SCHEDULED meeting can be ${action}`);
        expect(fieldPaths(error)).toEqual([['id']]);
      }
    });

    it('answers 404 for an unknown meeting', async () => {
      const error = await refused(() => api.post(MarkMeetingNoShow, { id: UNKNOWN_ID }), 404, 'NOT_FOUND');
      expect(fieldPaths(error)).toEqual([['id']]);
    });
  });

  describe('project status', () => {
    it('walks SCOPING → DEMO → IN_PROGRESS → LIVE → PAUSED → LIVE; LIVE stamps goLiveDate once; monthlyRecurring follows', async () => {
      const companyId = await newCompany();
      const id = await newProject(companyId, { monthlyFee: '1500.00' });
      await newProject(companyId, { status: 'LIVE', monthlyFee: '250.50', goLiveDate: '2025-01-15' });
      expect(await monthlyRecurring(companyId)).toBe('250.50');

      for (const status of ['DEMO', 'IN_PROGRESS'] as const) {
        const moved = await api.runOk(ChangeProjectStatus, { id, input: { status } });
        expect(moved.changeProjectStatus).toMatchObject({ status, goLiveDate: null, company: { monthlyRecurring: '250.50' } });
      }
      const live = await api.runOk(ChangeProjectStatus, { id, input: { status: 'LIVE' } });
      expect(live.changeProjectStatus).toMatchObject({ status: 'LIVE', company: { id: companyId, monthlyRecurring: '1750.50' } });
      const goLiveDate = live.changeProjectStatus.goLiveDate;
      expect(goLiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await monthlyRecurring(companyId)).toBe('1750.50');

      await api.runOk(ChangeProjectStatus, { id, input: { status: 'PAUSED' } });
      expect(await monthlyRecurring(companyId)).toBe('250.50');
      const back = await api.runOk(ChangeProjectStatus, { id, input: { status: 'LIVE' } });
      expect(back.changeProjectStatus.goLiveDate).toBe(goLiveDate);
      expect(await monthlyRecurring(companyId)).toBe('1750.50');

      await api.runOk(ChangeProjectStatus, { id, input: { status: 'CANCELLED' } });
      expect(await monthlyRecurring(companyId)).toBe('250.50');
      expect(await db.sql(`SELECT status, go_live_date::text AS go_live FROM projects WHERE id = $1`, [id])).toEqual([{ status: 'cancelled', go_live: goLiveDate }]);
    });

    it('keeps a goLiveDate already set when going LIVE, through changeProjectStatus and updateProject', async () => {
      const companyId = await newCompany();
      const viaChange = await newProject(companyId, { status: 'IN_PROGRESS', goLiveDate: '2025-03-01' });
      expect((await api.runOk(ChangeProjectStatus, { id: viaChange, input: { status: 'LIVE' } })).changeProjectStatus.goLiveDate).toBe('2025-03-01');
      const viaUpdate = await newProject(companyId, { status: 'PAUSED', goLiveDate: '2025-04-01' });
      expect((await api.runOk(UpdateProject, { id: viaUpdate, input: { status: 'LIVE' } })).updateProject.goLiveDate).toBe('2025-04-01');
      const stamped = await newProject(companyId, { status: 'IN_PROGRESS' });
      expect((await api.runOk(UpdateProject, { id: stamped, input: { status: 'LIVE' } })).updateProject.goLiveDate).not.toBeNull();
      expect(await monthlyRecurring(companyId)).toBe('0.00');
    });

    it('the current status again is accepted and writes nothing', async () => {
      const id = await newProject(await newCompany(), { status: 'LIVE', goLiveDate: '2025-02-01' });
      const before = await db.checksums();
      expect((await api.runOk(ChangeProjectStatus, { id, input: { status: 'LIVE' } })).changeProjectStatus.status).toBe('LIVE');
      expect(await db.checksums()).toEqual(before);
    });

    const refusedTransitions: [string, string][] = [
      ...PROJECT_STATUSES.filter((s) => s !== 'CANCELLED').map((to): [string, string] => ['CANCELLED', to]),
      ['LIVE', 'SCOPING'],
      ['LIVE', 'DEMO'],
      ['SCOPING', 'LIVE'],
      ['DEMO', 'LIVE'],
      ['IN_PROGRESS', 'SCOPING'],
    ];
    it.each(refusedTransitions)('refuses %s → %s with 409 CONFLICT on input.status, through both mutations, changing nothing', async (from, to) => {
      const companyId = await newCompany();
      const id = await newProject(companyId, { status: from, monthlyFee: '900.00', goLiveDate: from === 'LIVE' ? '2025-05-01' : undefined });
      for (const send of [
        () => api.post(ChangeProjectStatus, { id, input: { status: to as never } }),
        () => api.post(UpdateProject, { id, input: { status: to as never, projectName: 'Renamed' } }),
      ]) {
        const error = await refused(send, 409, 'CONFLICT');
        expect(fieldPaths(error)).toEqual([['input', 'status']]);
        expect(error.message).toMatch(from === 'CANCELLED' ? /CANCELLED is final/ : new RegExp(`cannot go from ${from} to ${to}; from ${from} a project can go to `));
      }
      expect(await monthlyRecurring(companyId)).toBe(from === 'LIVE' ? '900.00' : '0.00');
    });

    it('refuses going LIVE today before a future startDate with 409, instead of breaking the date rule', async () => {
      const id = await newProject(await newCompany(), { status: 'IN_PROGRESS', startDate: '2999-01-01' });
      for (const send of [() => api.post(ChangeProjectStatus, { id, input: { status: 'LIVE' } }), () => api.post(UpdateProject, { id, input: { status: 'LIVE' } })]) {
        const error = await refused(send, 409, 'CONFLICT');
        expect(error.message).toMatch(/before its startDate \(2999-01-01\)/);
        expect(fieldPaths(error)).toEqual([['input', 'status']]);
      }
    });

    it('answers 404 for an unknown project', async () => {
      await refused(() => api.post(ChangeProjectStatus, { id: UNKNOWN_ID, input: { status: 'LIVE' } }), 404, 'NOT_FOUND');
    });

    it('creating a LIVE project stamps goLiveDate and counts it in monthlyRecurring', async () => {
      const companyId = await newCompany();
      const created = await api.runOk(CreateProject, { input: { companyId, projectName: 'Launch straight away', status: 'LIVE', monthlyFee: '400' } });
      expect(created.createProject.goLiveDate).not.toBeNull();
      expect(await monthlyRecurring(companyId)).toBe('400.00');
    });
  });

  describe('project dates, URLs and deletion', () => {
    it('refuses goLiveDate before startDate on create and update (input.goLiveDate) and a bad demoUrl', async () => {
      const companyId = await newCompany();
      const early = await refused(
        () => api.post(CreateProject, { input: { companyId, projectName: 'Too early', startDate: '2026-06-01', goLiveDate: '2026-05-01' } }),
        400,
        'BAD_USER_INPUT',
      );
      expect(early.extensions?.fieldErrors).toEqual([{ path: ['input', 'goLiveDate'], message: 'must be on or after startDate' }]);

      const id = await newProject(companyId, { startDate: '2026-06-01' });
      const update = await refused(() => api.post(UpdateProject, { id, input: { goLiveDate: '2026-05-31' } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(update)).toEqual([['input', 'goLiveDate']]);
      const url = await refused(() => api.post(UpdateProject, { id, input: { demoUrl: 'not a url' } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(url)).toEqual([['input', 'demoUrl']]);
    });

    it('refuses to delete a project with invoices with a 409 that says what to do (no constraint names or SQL)', async () => {
      const error = await refused(() => api.post(DeleteProject, { id: SEED_IDS.liveProject }), 409, 'CONFLICT');
      expect(error.message).toMatch(/^This project has \d+ invoice\(s\), which are financial records and are kept: it cannot be deleted; set its status to CANCELLED instead$/);
    });

    it('deletes a project without invoices with its integrations, service links and notes', async () => {
      const companyId = await newCompany();
      const id = await newProject(companyId, { status: 'LIVE', monthlyFee: '300' });
      await db.sql(`INSERT INTO integrations (project_id, tool_name) VALUES ($1, 'Botpress')`, [id]);
      await db.sql(`INSERT INTO project_services (project_id, service_id) VALUES ($1, $2)`, [id, SEED_IDS.chatbotService]);
      await api.runOk(AddNote, { input: { projectId: id, noteText: 'Soon gone' } });
      expect((await api.runOk(DeleteProject, { id })).deleteProject.id).toBe(id);
      const [left] = await db.sql(
        `SELECT (SELECT count(*) FROM projects WHERE id = $1)::int AS projects, (SELECT count(*) FROM integrations WHERE project_id = $1)::int AS integrations,
                (SELECT count(*) FROM project_services WHERE project_id = $1)::int AS links, (SELECT count(*) FROM notes WHERE related_id = $1)::int AS notes`,
        [id],
      );
      expect(left).toEqual({ projects: 0, integrations: 0, links: 0, notes: 0 });
      expect(await monthlyRecurring(companyId)).toBe('0.00');
    });
  });

  describe('notes', () => {
    it.each([
      ['contactId', 'CONTACT', 'Contact', () => SEED_IDS.primaryContact],
      ['companyId', 'COMPANY', 'Company', () => SEED_IDS.prospectCompany],
      ['projectId', 'PROJECT', 'Project', () => SEED_IDS.liveProject],
    ] as const)('addNote with %s makes a %s note on that record, written by the caller', async (field, noteType, typename, id) => {
      const subject = id();
      const { addNote } = await api.runOk(AddNote, { input: { [field]: subject, noteText: `  Call back about ${field} `, isPrivate: true } });
      expect(addNote).toMatchObject({ noteType, relatedId: subject, noteText: `Call back about ${field}`, isPrivate: true, createdBy: TEST_ADMIN_ID, related: { __typename: typename, id: subject } });
      expect(await db.sql(`SELECT note_type, related_id, created_by, is_private FROM notes WHERE id = $1`, [addNote.id])).toEqual([
        { note_type: noteType.toLowerCase(), related_id: subject, created_by: TEST_ADMIN_ID, is_private: true },
      ]);
    });

    it('addNote with no subject makes a public GENERAL note', async () => {
      const { addNote } = await api.runOk(AddNote, { input: { noteText: 'Botpress raised prices' } });
      expect(addNote).toMatchObject({ noteType: 'GENERAL', relatedId: null, isPrivate: false, related: null });
      expect(await db.sql(`SELECT note_type, related_id, is_private FROM notes WHERE id = $1`, [addNote.id])).toEqual([{ note_type: 'general', related_id: null, is_private: false }]);
    });

    it('refuses an unknown subject, two subjects and a blank text with 400 on the fields at fault', async () => {
      const unknown = await refused(() => api.post(AddNote, { input: { contactId: UNKNOWN_ID, noteText: 'Hello' } }), 400, 'BAD_USER_INPUT');
      expect(unknown.extensions?.fieldErrors).toEqual([{ path: ['input', 'contactId'], message: 'no contact with this id' }]);

      const two = await refused(() => api.post(AddNote, { input: { contactId: SEED_IDS.primaryContact, projectId: SEED_IDS.liveProject, noteText: 'Hello' } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(two)).toEqual([['input', 'contactId'], ['input', 'projectId']]);

      const blank = await refused(() => api.post(AddNote, { input: { companyId: SEED_IDS.prospectCompany, noteText: ' ' } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(blank)).toEqual([['input', 'noteText']]);
    });

    it('createNote keeps its noteType + relatedId rules', async () => {
      const { createNote } = await api.runOk(CreateNote, { input: { noteType: 'COMPANY', relatedId: SEED_IDS.prospectCompany, noteText: 'Budget approved' } });
      expect(createNote).toEqual({ id: createNote.id, noteType: 'COMPANY', relatedId: SEED_IDS.prospectCompany, createdBy: TEST_ADMIN_ID });
      const wrongTable = await refused(() => api.post(CreateNote, { input: { noteType: 'PROJECT', relatedId: SEED_IDS.prospectCompany, noteText: 'x' } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(wrongTable)).toEqual([['input', 'relatedId']]);
    });
  });

  describe('services and their projects', () => {
    it('addServiceToProject / removeServiceFromProject link and unlink, and a retry changes nothing', async () => {
      const projectId = await newProject(await newCompany());
      const serviceId = SEED_IDS.chatbotService;
      const added = await api.runOk(AddServiceToProject, { projectId, serviceId });
      expect(added.addServiceToProject.services.nodes).toEqual([{ id: serviceId }]);
      const before = await db.checksums();
      expect((await api.runOk(AddServiceToProject, { projectId, serviceId })).addServiceToProject.services.totalCount).toBe(1);
      expect(await db.checksums()).toEqual(before);
      expect(await db.sql(`SELECT service_id FROM project_services WHERE project_id = $1`, [projectId])).toEqual([{ service_id: serviceId }]);

      expect((await api.runOk(RemoveServiceFromProject, { projectId, serviceId })).removeServiceFromProject.services.totalCount).toBe(0);
      expect((await api.runOk(RemoveServiceFromProject, { projectId, serviceId })).removeServiceFromProject.services.totalCount).toBe(0);
      expect(await db.sql(`SELECT service_id FROM project_services WHERE project_id = $1`, [projectId])).toEqual([]);
    });

    it('refuses an inactive service (400) and unknown ids (404 naming the argument)', async () => {
      const projectId = await newProject(await newCompany());
      const inactive = await refused(() => api.post(AddServiceToProject, { projectId, serviceId: SEED_IDS.inactiveService }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(inactive)).toEqual([['serviceId']]);
      for (const mutation of [AddServiceToProject, RemoveServiceFromProject] as const) {
        const noProject = await refused(() => api.post(mutation, { projectId: UNKNOWN_ID, serviceId: SEED_IDS.chatbotService }), 404, 'NOT_FOUND');
        expect(fieldPaths(noProject)).toEqual([['projectId']]);
        const noService = await refused(() => api.post(mutation, { projectId, serviceId: UNKNOWN_ID }), 404, 'NOT_FOUND');
        expect(fieldPaths(noService)).toEqual([['serviceId']]);
      }
    });

    it('refuses a service price range whose minimum is above its maximum', async () => {
      const created = await refused(() => api.post(CreateService, { input: { serviceName: 'Upside down', baseSetupFeeMin: '5000', baseSetupFeeMax: '1000' } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(created)).toEqual([['input', 'baseSetupFeeMax']]);
      const updated = await refused(() => api.post(UpdateService, { id: SEED_IDS.chatbotService, input: { baseMonthlyFeeMin: '999999' } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(updated)).toEqual([['input', 'baseMonthlyFeeMin']]);
    });

    it('refuses to delete a service in use, saying to deactivate it; an unused one is deleted', async () => {
      const error = await refused(() => api.post(DeleteService, { id: SEED_IDS.chatbotService }), 409, 'CONFLICT');
      expect(error.message).toMatch(/used by \d+ project\(s\): deactivate it \(set isActive to false\) instead of deleting it/);
      const { createService } = await api.runOk(CreateService, { input: { serviceName: 'Short-lived' } });
      expect((await api.runOk(DeleteService, { id: createService.id })).deleteService.id).toBe(createService.id);
    });
  });

  describe('integrations', () => {
    it.each(['sk-abc123def456ghi789', 'ghp_0123456789abcdefABCDEF', 'c2VjcmV0LXRva2VuLTEyMzQ1Njc4OTA='])('refuses an apiKeyName that looks like a key (%s)', async (apiKeyName) => {
      const error = await refused(() => api.post(CreateIntegration, { input: { projectId: SEED_IDS.liveProject, toolName: 'OpenAI', apiKeyName } }), 400, 'BAD_USER_INPUT');
      expect(fieldPaths(error)).toEqual([['input', 'apiKeyName']]);
      expect(JSON.stringify(error)).not.toContain(apiKeyName);
    });

    it('accepts secret names, however long', async () => {
      const apiKeyName = 'WHATSAPP_BUSINESS_CLOUD_API_ACCESS_TOKEN_PROD';
      const { createIntegration } = await api.runOk(CreateIntegration, { input: { projectId: SEED_IDS.liveProject, toolName: 'WhatsApp Cloud API', apiKeyName } });
      expect(createIntegration.apiKeyName).toBe(apiKeyName);
    });
  });
});
