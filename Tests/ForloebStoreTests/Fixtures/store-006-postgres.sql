--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: forloeb_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.forloeb_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;


--
-- Name: forloeb_cases_stay(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.forloeb_cases_stay() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN RAISE EXCEPTION 'cases are never deleted, truncated nor renamed (%)', TG_OP; END $$;


--
-- Name: forloeb_rows_name_cases(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.forloeb_rows_name_cases() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO '$user', 'public'
    AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM (SELECT DISTINCT case_id FROM written) AS w
        LEFT JOIN LATERAL (SELECT true AS found FROM cases WHERE case_id = w.case_id OFFSET 0) AS c
            ON true
        WHERE c.found IS NULL
    ) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
            MESSAGE = format('a row of %s names a case that does not exist', TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    sequence bigint NOT NULL,
    operator text NOT NULL,
    at bigint NOT NULL,
    action text NOT NULL,
    case_id text COLLATE pg_catalog."C",
    reason text NOT NULL,
    detail text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    CONSTRAINT audit_log_sequence_check CHECK ((sequence >= 1))
);


--
-- Name: cases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cases (
    case_id text NOT NULL COLLATE pg_catalog."C",
    version bigint NOT NULL,
    revision bigint NOT NULL,
    state text NOT NULL COLLATE pg_catalog."C",
    municipality text NOT NULL,
    caseworker text,
    course_number bigint NOT NULL,
    course_end text,
    last_event_at bigint NOT NULL,
    snapshot text NOT NULL,
    updated_at bigint NOT NULL,
    CONSTRAINT cases_course_number_check CHECK ((course_number >= 0)),
    CONSTRAINT cases_revision_check CHECK ((revision >= 1)),
    CONSTRAINT cases_version_check CHECK ((version >= 1))
);


--
-- Name: dead_letters; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dead_letters (
    id bigint NOT NULL,
    message_id text NOT NULL COLLATE pg_catalog."C",
    body bytea NOT NULL,
    code text NOT NULL,
    detail text NOT NULL,
    received_at bigint NOT NULL,
    resolution text,
    resolved_at bigint,
    CONSTRAINT dead_letters_resolution_check CHECK ((resolution = ANY (ARRAY['dropped'::text, 'replayed'::text])))
);


--
-- Name: dead_letters_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.dead_letters_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: dead_letters_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.dead_letters_id_seq OWNED BY public.dead_letters.id;


--
-- Name: deadlines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.deadlines (
    case_id text NOT NULL COLLATE pg_catalog."C",
    kind text NOT NULL COLLATE pg_catalog."C",
    due_at bigint NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    case_id text NOT NULL COLLATE pg_catalog."C",
    "position" bigint NOT NULL,
    message_id text NOT NULL COLLATE pg_catalog."C",
    type text NOT NULL,
    occurred_at bigint NOT NULL,
    actor text NOT NULL,
    from_state text,
    to_state text NOT NULL,
    rule_set text NOT NULL,
    body text NOT NULL,
    recorded_at bigint NOT NULL,
    CONSTRAINT events_position_check CHECK (("position" >= 1))
);


--
-- Name: forloeb_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.forloeb_migrations (
    name text NOT NULL,
    "position" bigint NOT NULL,
    applied_at bigint NOT NULL
);


--
-- Name: notification_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification_log (
    case_id text NOT NULL COLLATE pg_catalog."C",
    kind text NOT NULL COLLATE pg_catalog."C",
    due_at bigint NOT NULL,
    notice text NOT NULL COLLATE pg_catalog."C",
    message_id text NOT NULL,
    recorded_at bigint NOT NULL,
    CONSTRAINT notification_log_notice_check CHECK ((notice = ANY (ARRAY['reminder'::text, 'overdue'::text])))
);


--
-- Name: outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox (
    id bigint NOT NULL,
    message_id text NOT NULL COLLATE pg_catalog."C",
    routing_key text NOT NULL,
    case_id text COLLATE pg_catalog."C",
    body text NOT NULL,
    created_at bigint NOT NULL,
    sent_at bigint
);


--
-- Name: outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: outbox_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.outbox_id_seq OWNED BY public.outbox.id;


--
-- Name: processed_messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.processed_messages (
    message_id text NOT NULL COLLATE pg_catalog."C",
    outcome text NOT NULL,
    case_id text COLLATE pg_catalog."C",
    attempts bigint NOT NULL,
    processed_at bigint NOT NULL,
    CONSTRAINT processed_messages_attempts_check CHECK ((attempts >= 1)),
    CONSTRAINT processed_messages_outcome_check CHECK ((outcome = ANY (ARRAY['applied'::text, 'rejected'::text])))
);


--
-- Name: rejections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rejections (
    id bigint NOT NULL,
    message_id text NOT NULL COLLATE pg_catalog."C",
    attempt bigint NOT NULL,
    case_id text COLLATE pg_catalog."C",
    attached boolean NOT NULL,
    type text NOT NULL,
    code text NOT NULL COLLATE pg_catalog."C",
    rule text,
    detail text NOT NULL,
    occurred_at bigint,
    body bytea NOT NULL,
    recorded_at bigint NOT NULL,
    CONSTRAINT rejections_attempt_check CHECK ((attempt >= 1))
);


--
-- Name: rejections_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.rejections_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: rejections_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.rejections_id_seq OWNED BY public.rejections.id;


--
-- Name: dead_letters id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dead_letters ALTER COLUMN id SET DEFAULT nextval('public.dead_letters_id_seq'::regclass);


--
-- Name: outbox id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox ALTER COLUMN id SET DEFAULT nextval('public.outbox_id_seq'::regclass);


--
-- Name: rejections id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rejections ALTER COLUMN id SET DEFAULT nextval('public.rejections_id_seq'::regclass);


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_log VALUES (1, 'unknown', 1795435200, 'import', NULL, 'backfill', 'file Workflows/examples/sample-cases.jsonl', '0000000000000000000000000000000000000000000000000000000000000000', '56996039c6b43cb1e3b86651df64597197fbab8b7a58dc49acaa66b1fc8b4bce');
INSERT INTO public.audit_log VALUES (2, 'unknown', 1795435200, 'import', NULL, 'backfill', 'file /tmp/fx/extra.jsonl', '56996039c6b43cb1e3b86651df64597197fbab8b7a58dc49acaa66b1fc8b4bce', 'dffbb5cfc46e79a8cf98d6f9f24a2db1d934f19550c7c5b0e9fc1eeeada57fd0');
INSERT INTO public.audit_log VALUES (3, 'jdoe', 1795435200, 'resend', 'K-2026-000300', 'fixture', '{"kind":"all","messageIds":"S-1/state.changed,S-4/event.rejected"}', 'dffbb5cfc46e79a8cf98d6f9f24a2db1d934f19550c7c5b0e9fc1eeeada57fd0', '032a649b8a166e70e929cd9768268be5b25c013a916b9f715d82912361be5428');
INSERT INTO public.audit_log VALUES (4, 'jdoe', 1795435200, 'dead-letter.drop', NULL, 'fixture drop', '{"deadLetter":"1","messageId":"broken-1"}', '032a649b8a166e70e929cd9768268be5b25c013a916b9f715d82912361be5428', '53fd049e2f1f9e9c511318013ae197434fc93547225ec627c38bcc1eb517a2a6');


--
-- Data for Name: cases; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.cases VALUES ('K-2026-000101', 17, 1, 'fleksjob', '0260', NULL, 1, NULL, 1737370800, '{"caseId":"K-2026-000101","citizen":{"birthDate":"1985-05-20","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"citizen_request"},"courseNumber":1,"futilityDocumented":false,"grantedMonthsTotal":24,"lastDecision":{"appealUntil":"2025-02-17","decidedOn":"2025-01-20","messageId":"K-2026-000101-017","outcome":"fleksjob","ruleSet":"2022"},"lastEventAt":"2025-01-20T11:00:00Z","openedAt":"2023-01-10T09:00:00Z","phase":{"ended":{"_0":"fleksjob"}},"version":17}', 1795435200);
INSERT INTO public.cases VALUES ('K-2026-000102', 2, 1, 'refused', '0260', NULL, 0, NULL, 1707732000, '{"caseId":"K-2026-000102","citizen":{"birthDate":"1992-11-03","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"citizen_request"},"courseNumber":0,"futilityDocumented":false,"grantedMonthsTotal":0,"lastDecision":{"appealUntil":"2024-03-11","decidedOn":"2024-02-12","messageId":"K-2026-000102-019","outcome":"refusal","ruleSet":"2022"},"lastEventAt":"2024-02-12T10:00:00Z","openedAt":"2024-02-01T09:00:00Z","phase":{"ended":{"_0":"refused"}},"version":2}', 1795435200);
INSERT INTO public.cases VALUES ('K-2026-000103', 2, 1, 'foertidspension', '0260', NULL, 0, NULL, 1709632800, '{"caseId":"K-2026-000103","citizen":{"birthDate":"1968-08-30","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"citizen_request"},"courseNumber":0,"futilityDocumented":true,"grantedMonthsTotal":0,"lastDecision":{"appealUntil":"2024-04-02","decidedOn":"2024-03-05","messageId":"K-2026-000103-021","outcome":"foertidspension","ruleSet":"2022"},"lastEventAt":"2024-03-05T10:00:00Z","openedAt":"2024-03-01T09:00:00Z","phase":{"ended":{"_0":"foertidspension"}},"version":2}', 1795435200);
INSERT INTO public.cases VALUES ('K-2026-000104', 7, 1, 'kontanthjaelp', '0260', NULL, 0, NULL, 1716807600, '{"caseId":"K-2026-000104","citizen":{"birthDate":"1990-02-14","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"citizen_request"},"courseNumber":0,"futilityDocumented":false,"grantedMonthsTotal":0,"lastDecision":{"appealUntil":"2024-06-24","decidedOn":"2024-05-27","messageId":"K-2026-000104-030","outcome":"kontanthjaelp","ruleSet":"2022"},"lastEventAt":"2024-05-27T11:00:00Z","openedAt":"2024-04-01T09:00:00Z","phase":{"ended":{"_0":"kontanthjaelp"}},"version":7}', 1795435200);
INSERT INTO public.cases VALUES ('K-2026-000105', 14, 1, 'active', '0260', 'sb-2040', 2, '2025-03-01', 1678867200, '{"caseId":"K-2026-000105","citizen":{"birthDate":"1975-09-01","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"citizen_request"},"courseNumber":2,"futilityDocumented":false,"grantedMonthsTotal":72,"lastDecision":{"appealUntil":"2023-02-06","decidedOn":"2023-01-09","messageId":"K-2026-000105-044","outcome":"new_course","ruleSet":"2022"},"lastEventAt":"2023-03-15T08:00:00Z","openedAt":"2019-01-07T09:00:00Z","phase":{"active":{"_0":{"absences":[],"caseworker":{"assignedOn":"2023-01-10","id":"sb-2040","unit":"jobcenter"},"contactAttempts":[],"end":"2025-03-01","firstEffortOn":"2023-03-15","firstMeetingFrom":"2022-11-29","firstMeetingOn":"2023-03-02","lastMeetingOn":"2023-03-02","meetingsHeld":1,"months":24,"number":2,"ruleSet":"2022","sanctions":0,"start":"2023-03-01"}}},"version":14}', 1795435200);
INSERT INTO public.cases VALUES ('K-2026-000106', 10, 1, 'active', '0260', 'sb-5150', 1, '2027-03-15', 1763632800, '{"caseId":"K-2026-000106","citizen":{"birthDate":"1994-06-30","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"citizen_request"},"courseNumber":1,"futilityDocumented":false,"grantedMonthsTotal":18,"lastDecision":{"appealUntil":"2025-10-06","decidedOn":"2025-09-08","messageId":"K-2026-000106-052","outcome":"ressourceforloeb","ruleSet":"2022"},"lastEventAt":"2025-11-20T10:00:00Z","openedAt":"2025-08-01T09:00:00Z","phase":{"active":{"_0":{"absences":[{"date":"2025-10-14","reasonableCause":false}],"caseworker":{"assignedOn":"2025-09-09","id":"sb-5150","unit":"social"},"contactAttempts":[],"end":"2027-03-15","firstMeetingFrom":"2025-09-02","firstMeetingOn":"2025-09-19","lastMeetingOn":"2025-11-20","meetingsHeld":2,"months":18,"number":1,"plan":{"goal":"stabilisering","periodMonths":6,"setOn":"2025-09-19"},"ruleSet":"2022","sanctions":0,"start":"2025-09-15"}}},"version":10}', 1795435200);
INSERT INTO public.cases VALUES ('K-2026-000107', 6, 1, 'active', '0260', NULL, 1, '2024-06-05', 1686218400, '{"caseId":"K-2026-000107","citizen":{"birthDate":"1988-12-24","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"citizen_request"},"courseNumber":1,"futilityDocumented":false,"grantedMonthsTotal":12,"lastDecision":{"appealUntil":"2023-06-29","decidedOn":"2023-06-01","messageId":"K-2026-000107-069","outcome":"ressourceforloeb","ruleSet":"2022"},"lastEventAt":"2023-06-08T10:00:00Z","openedAt":"2023-05-01T09:00:00Z","phase":{"active":{"_0":{"absences":[],"contactAttempts":[],"end":"2024-06-05","firstMeetingFrom":"2023-05-25","firstMeetingOn":"2023-06-08","lastMeetingOn":"2023-06-08","meetingsHeld":1,"months":12,"number":1,"ruleSet":"2022","sanctions":0,"start":"2023-06-05"}}},"version":6}', 1795435200);
INSERT INTO public.cases VALUES ('K-2026-000108', 14, 1, 'fleksjob', '0260', NULL, 1, NULL, 1789038000, '{"caseId":"K-2026-000108","citizen":{"birthDate":"1978-04-11","incomeBasis":"sygedagpenge","municipality":"0260","origin":"citizen_request"},"courseNumber":1,"futilityDocumented":false,"grantedMonthsTotal":24,"lastDecision":{"appealUntil":"2026-10-08","decidedOn":"2026-09-10","messageId":"K-2026-000108-091","outcome":"fleksjob","ruleSet":"2026"},"lastEventAt":"2026-09-10T11:00:00Z","openedAt":"2024-09-02T09:00:00Z","phase":{"ended":{"_0":"fleksjob"}},"version":14}', 1795435200);
INSERT INTO public.cases VALUES ('K-2026-000109', 5, 1, 'kontanthjaelp', '0260', NULL, 0, NULL, 1771239600, '{"caseId":"K-2026-000109","citizen":{"birthDate":"1996-02-29","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"municipality"},"courseNumber":0,"futilityDocumented":false,"grantedMonthsTotal":0,"lastDecision":{"appealUntil":"2026-03-16","decidedOn":"2026-02-16","messageId":"K-2026-000109-097","outcome":"kontanthjaelp","ruleSet":"2026"},"lastEventAt":"2026-02-16T11:00:00Z","openedAt":"2025-10-06T09:00:00Z","phase":{"ended":{"_0":"kontanthjaelp"}},"version":5}', 1795435200);
INSERT INTO public.cases VALUES ('K-2026-000300', 1, 1, 'requested', '0260', NULL, 0, NULL, 1785574800, '{"caseId":"K-2026-000300","citizen":{"birthDate":"1980-05-01","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"municipality"},"courseNumber":0,"futilityDocumented":false,"grantedMonthsTotal":0,"lastEventAt":"2026-08-01T09:00:00Z","openedAt":"2026-08-01T09:00:00Z","phase":{"requested":{}},"version":1}', 1795435200);


--
-- Data for Name: dead_letters; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.dead_letters VALUES (2, 'unreadable-5cf74153161a1a88', '\x6e6f74206a736f6e', 'malformed', 'body: not a JSON object (body: not valid JSON)', 1795435200, NULL, NULL);
INSERT INTO public.dead_letters VALUES (1, 'broken-1', '\x7b226d6573736167654964223a2262726f6b656e2d31222c2274797065223a22636173652e6f70656e6564222c226f636375727265644174223a22323032342d30312d30315431303a30303a30305a227d', 'malformed', 'caseId: required field is missing', 1795435200, 'dropped', 1795435200);


--
-- Data for Name: deadlines; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.deadlines VALUES ('K-2026-000105', 'plan_review', 1680213600);
INSERT INTO public.deadlines VALUES ('K-2026-000105', 'followup', 1681596000);
INSERT INTO public.deadlines VALUES ('K-2026-000105', 'next_step_referral', 1733007600);
INSERT INTO public.deadlines VALUES ('K-2026-000105', 'course_end', 1740783600);
INSERT INTO public.deadlines VALUES ('K-2026-000106', 'followup', 1767481200);
INSERT INTO public.deadlines VALUES ('K-2026-000106', 'effort_guarantee', 1773529200);
INSERT INTO public.deadlines VALUES ('K-2026-000106', 'plan_review', 1773874800);
INSERT INTO public.deadlines VALUES ('K-2026-000106', 'next_step_referral', 1797289200);
INSERT INTO public.deadlines VALUES ('K-2026-000106', 'course_end', 1805065200);
INSERT INTO public.deadlines VALUES ('K-2026-000107', 'plan_review', 1688508000);
INSERT INTO public.deadlines VALUES ('K-2026-000107', 'followup', 1690063200);
INSERT INTO public.deadlines VALUES ('K-2026-000107', 'effort_guarantee', 1701730800);
INSERT INTO public.deadlines VALUES ('K-2026-000107', 'next_step_referral', 1709593200);
INSERT INTO public.deadlines VALUES ('K-2026-000107', 'course_end', 1717538400);


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.events VALUES ('K-2026-000101', 1, 'K-2026-000101-001', 'case.opened', 1673341200, 'sb-4711', NULL, 'requested', '2022', '{"messageId": "K-2026-000101-001", "caseId": "K-2026-000101", "type": "case.opened", "occurredAt": "2023-01-10T09:00:00Z", "actor": "sb-4711", "data": {"birthDate": "1985-05-20", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 2, 'K-2026-000101-002', 'target_group.assessed', 1674208800, 'sb-4711', 'requested', 'preparing', '2022', '{"messageId": "K-2026-000101-002", "caseId": "K-2026-000101", "type": "target_group.assessed", "occurredAt": "2023-01-20T10:00:00Z", "actor": "sb-4711", "data": {"outcome": "in_target_group", "reason": "complex health and social problems"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 3, 'K-2026-000101-003', 'team.referred', 1675242000, 'sb-4711', 'preparing', 'awaiting_team', '2022', '{"messageId": "K-2026-000101-003", "caseId": "K-2026-000101", "type": "team.referred", "occurredAt": "2023-02-01T09:00:00Z", "actor": "sb-4711", "data": {"meetingDate": "2023-02-14", "consideredEfforts": ["mentor", "virksomhedspraktik", "misbrugsbehandling"]}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 4, 'K-2026-000101-004', 'team.recommended', 1676379600, 'sb-4711', 'awaiting_team', 'awaiting_decision', '2022', '{"messageId": "K-2026-000101-004", "caseId": "K-2026-000101", "type": "team.recommended", "occurredAt": "2023-02-14T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "ressourceforloeb", "durationMonths": 24}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 5, 'K-2026-000101-005', 'decision.made', 1676890800, 'sb-4711', 'awaiting_decision', 'active', '2022', '{"messageId": "K-2026-000101-005", "caseId": "K-2026-000101", "type": "decision.made", "occurredAt": "2023-02-20T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "ressourceforloeb", "startDate": "2023-03-01", "durationMonths": 24}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 6, 'K-2026-000101-006', 'caseworker.assigned', 1676966400, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000101-006", "caseId": "K-2026-000101", "type": "caseworker.assigned", "occurredAt": "2023-02-21T08:00:00Z", "actor": "sb-4711", "data": {"caseworkerId": "sb-4711", "unit": "jobcenter"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 7, 'K-2026-000101-007', 'meeting.held', 1678096800, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000101-007", "caseId": "K-2026-000101", "type": "meeting.held", "occurredAt": "2023-03-06T10:00:00Z", "actor": "sb-4711", "data": {"date": "2023-03-06", "channel": "in_person"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 8, 'K-2026-000101-008', 'plan.updated', 1678100400, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000101-008", "caseId": "K-2026-000101", "type": "plan.updated", "occurredAt": "2023-03-06T11:00:00Z", "actor": "sb-4711", "data": {"periodMonths": 6, "goal": "afklaring af arbejdsevne i praktik"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 9, 'K-2026-000101-009', 'internship.started', 1679299200, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000101-009", "caseId": "K-2026-000101", "type": "internship.started", "occurredAt": "2023-03-20T08:00:00Z", "actor": "sb-4711", "data": {"startDate": "2023-03-20", "weeks": 13}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 10, 'K-2026-000101-010', 'mentor.agreed', 1679301000, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000101-010", "caseId": "K-2026-000101", "type": "mentor.agreed", "occurredAt": "2023-03-20T08:30:00Z", "actor": "sb-4711", "data": {"startDate": "2023-03-20", "endDate": "2023-09-19"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 11, 'K-2026-000101-011', 'meeting.held', 1681984800, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000101-011", "caseId": "K-2026-000101", "type": "meeting.held", "occurredAt": "2023-04-20T10:00:00Z", "actor": "sb-4711", "data": {"date": "2023-04-20", "channel": "phone"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 12, 'K-2026-000101-012', 'internship.extended', 1686823200, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000101-012", "caseId": "K-2026-000101", "type": "internship.extended", "occurredAt": "2023-06-15T10:00:00Z", "actor": "sb-4711", "data": {"weeks": 13}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 13, 'K-2026-000101-013', 'meeting.held', 1685613600, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000101-013", "caseId": "K-2026-000101", "type": "meeting.held", "occurredAt": "2023-06-01T10:00:00Z", "actor": "sb-4711", "data": {"date": "2023-06-01", "channel": "phone"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 14, 'K-2026-000101-014', 'meeting.held', 1689415200, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000101-014", "caseId": "K-2026-000101", "type": "meeting.held", "occurredAt": "2023-07-15T10:00:00Z", "actor": "sb-4711", "data": {"date": "2023-07-15", "channel": "in_person"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 15, 'K-2026-000101-015', 'team.referred', 1731661200, 'sb-4711', 'active', 'pre_end_awaiting_team', '2022', '{"messageId": "K-2026-000101-015", "caseId": "K-2026-000101", "type": "team.referred", "occurredAt": "2024-11-15T09:00:00Z", "actor": "sb-4711", "data": {"meetingDate": "2024-12-03"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 16, 'K-2026-000101-016', 'team.recommended', 1733230800, 'sb-4711', 'pre_end_awaiting_team', 'pre_end_awaiting_decision', '2022', '{"messageId": "K-2026-000101-016", "caseId": "K-2026-000101", "type": "team.recommended", "occurredAt": "2024-12-03T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "fleksjob"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000101', 17, 'K-2026-000101-017', 'decision.made', 1737370800, 'sb-4711', 'pre_end_awaiting_decision', 'fleksjob', '2022', '{"messageId": "K-2026-000101-017", "caseId": "K-2026-000101", "type": "decision.made", "occurredAt": "2025-01-20T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "fleksjob"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000102', 1, 'K-2026-000102-018', 'case.opened', 1706778000, 'sb-4711', NULL, 'requested', '2022', '{"messageId": "K-2026-000102-018", "caseId": "K-2026-000102", "type": "case.opened", "occurredAt": "2024-02-01T09:00:00Z", "actor": "sb-4711", "data": {"birthDate": "1992-11-03", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000102', 2, 'K-2026-000102-019', 'target_group.assessed', 1707732000, 'sb-4711', 'requested', 'refused', '2022', '{"messageId": "K-2026-000102-019", "caseId": "K-2026-000102", "type": "target_group.assessed", "occurredAt": "2024-02-12T10:00:00Z", "actor": "sb-4711", "data": {"outcome": "not_in_target_group", "reason": "ready for ordinary job search"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000103', 1, 'K-2026-000103-020', 'case.opened', 1709283600, 'sb-4711', NULL, 'requested', '2022', '{"messageId": "K-2026-000103-020", "caseId": "K-2026-000103", "type": "case.opened", "occurredAt": "2024-03-01T09:00:00Z", "actor": "sb-4711", "data": {"birthDate": "1968-08-30", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000103', 2, 'K-2026-000103-021', 'target_group.assessed', 1709632800, 'sb-4711', 'requested', 'foertidspension', '2022', '{"messageId": "K-2026-000103-021", "caseId": "K-2026-000103", "type": "target_group.assessed", "occurredAt": "2024-03-05T10:00:00Z", "actor": "sb-4711", "data": {"outcome": "obvious_foertidspension", "reason": "documented permanent loss of work capacity"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000104', 1, 'K-2026-000104-022', 'case.opened', 1711962000, 'sb-4711', NULL, 'requested', '2022', '{"messageId": "K-2026-000104-022", "caseId": "K-2026-000104", "type": "case.opened", "occurredAt": "2024-04-01T09:00:00Z", "actor": "sb-4711", "data": {"birthDate": "1990-02-14", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000104', 2, 'K-2026-000104-023', 'target_group.assessed', 1712743200, 'sb-4711', 'requested', 'preparing', '2022', '{"messageId": "K-2026-000104-023", "caseId": "K-2026-000104", "type": "target_group.assessed", "occurredAt": "2024-04-10T10:00:00Z", "actor": "sb-4711", "data": {"outcome": "in_target_group", "reason": "long sickness absence"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000104', 3, 'K-2026-000104-024', 'team.referred', 1713603600, 'sb-4711', 'preparing', 'awaiting_team', '2022', '{"messageId": "K-2026-000104-024", "caseId": "K-2026-000104", "type": "team.referred", "occurredAt": "2024-04-20T09:00:00Z", "actor": "sb-4711", "data": {"meetingDate": "2024-05-02", "consideredEfforts": ["sygedagpengeopfølgning", "mentor"]}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000104', 4, 'K-2026-000104-025', 'team.recommended', 1714654800, 'sb-4711', 'awaiting_team', 'awaiting_decision', '2022', '{"messageId": "K-2026-000104-025", "caseId": "K-2026-000104", "type": "team.recommended", "occurredAt": "2024-05-02T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "ressourceforloeb", "durationMonths": 12}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000104', 5, 'K-2026-000104-027', 'team.rereferred', 1715072400, 'sb-4711', 'awaiting_decision', 'awaiting_team', '2022', '{"messageId": "K-2026-000104-027", "caseId": "K-2026-000104", "type": "team.rereferred", "occurredAt": "2024-05-07T09:00:00Z", "actor": "sb-4711", "data": {"reason": "the municipality considers the citizen job-ready", "meetingDate": "2024-05-23"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000104', 6, 'K-2026-000104-028', 'team.recommended', 1716469200, 'sb-4711', 'awaiting_team', 'awaiting_decision', '2022', '{"messageId": "K-2026-000104-028", "caseId": "K-2026-000104", "type": "team.recommended", "occurredAt": "2024-05-23T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "ressourceforloeb", "durationMonths": 12}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000104', 7, 'K-2026-000104-030', 'decision.made', 1716807600, 'sb-4711', 'awaiting_decision', 'kontanthjaelp', '2022', '{"messageId": "K-2026-000104-030", "caseId": "K-2026-000104", "type": "decision.made", "occurredAt": "2024-05-27T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 1, 'K-2026-000105-031', 'case.opened', 1546851600, 'sb-4711', NULL, 'requested', '2013', '{"messageId": "K-2026-000105-031", "caseId": "K-2026-000105", "type": "case.opened", "occurredAt": "2019-01-07T09:00:00Z", "actor": "sb-4711", "data": {"birthDate": "1975-09-01", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 2, 'K-2026-000105-032', 'target_group.assessed', 1547546400, 'sb-4711', 'requested', 'preparing', '2013', '{"messageId": "K-2026-000105-032", "caseId": "K-2026-000105", "type": "target_group.assessed", "occurredAt": "2019-01-15T10:00:00Z", "actor": "sb-4711", "data": {"outcome": "in_target_group", "reason": "complex problems"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 3, 'K-2026-000105-033', 'team.referred', 1547974800, 'sb-4711', 'preparing', 'awaiting_team', '2013', '{"messageId": "K-2026-000105-033", "caseId": "K-2026-000105", "type": "team.referred", "occurredAt": "2019-01-20T09:00:00Z", "actor": "sb-4711", "data": {"meetingDate": "2019-02-05", "consideredEfforts": ["mentor", "psykologbehandling"]}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 4, 'K-2026-000105-034', 'team.recommended', 1549371600, 'sb-4711', 'awaiting_team', 'awaiting_decision', '2013', '{"messageId": "K-2026-000105-034", "caseId": "K-2026-000105", "type": "team.recommended", "occurredAt": "2019-02-05T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "ressourceforloeb", "durationMonths": 48}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 5, 'K-2026-000105-035', 'decision.made', 1549882800, 'sb-4711', 'awaiting_decision', 'active', '2013', '{"messageId": "K-2026-000105-035", "caseId": "K-2026-000105", "type": "decision.made", "occurredAt": "2019-02-11T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "ressourceforloeb", "startDate": "2019-03-01", "durationMonths": 48}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 6, 'K-2026-000105-036', 'caseworker.assigned', 1549958400, 'sb-4711', 'active', 'active', '2013', '{"messageId": "K-2026-000105-036", "caseId": "K-2026-000105", "type": "caseworker.assigned", "occurredAt": "2019-02-12T08:00:00Z", "actor": "sb-4711", "data": {"caseworkerId": "sb-2040", "unit": "jobcenter"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 7, 'K-2026-000105-037', 'meeting.held', 1551693600, 'sb-4711', 'active', 'active', '2013', '{"messageId": "K-2026-000105-037", "caseId": "K-2026-000105", "type": "meeting.held", "occurredAt": "2019-03-04T10:00:00Z", "actor": "sb-4711", "data": {"date": "2019-03-04", "channel": "phone"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 8, 'K-2026-000105-039', 'plan.updated', 1551697800, 'sb-4711', 'active', 'active', '2013', '{"messageId": "K-2026-000105-039", "caseId": "K-2026-000105", "type": "plan.updated", "occurredAt": "2019-03-04T11:10:00Z", "actor": "sb-4711", "data": {"periodMonths": 6, "goal": "smertehåndtering"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 9, 'K-2026-000105-040', 'team.referred', 1668070800, 'sb-4711', 'active', 'pre_end_awaiting_team', '2022', '{"messageId": "K-2026-000105-040", "caseId": "K-2026-000105", "type": "team.referred", "occurredAt": "2022-11-10T09:00:00Z", "actor": "sb-4711", "data": {"meetingDate": "2022-11-29"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 10, 'K-2026-000105-041', 'team.recommended', 1669726800, 'sb-4711', 'pre_end_awaiting_team', 'pre_end_awaiting_decision', '2022', '{"messageId": "K-2026-000105-041", "caseId": "K-2026-000105", "type": "team.recommended", "occurredAt": "2022-11-29T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "new_course", "durationMonths": 48}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 11, 'K-2026-000105-044', 'decision.made', 1673262000, 'sb-4711', 'pre_end_awaiting_decision', 'active', '2022', '{"messageId": "K-2026-000105-044", "caseId": "K-2026-000105", "type": "decision.made", "occurredAt": "2023-01-09T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "new_course", "durationMonths": 24, "citizenConsent": true}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 12, 'K-2026-000105-045', 'caseworker.assigned', 1673337600, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000105-045", "caseId": "K-2026-000105", "type": "caseworker.assigned", "occurredAt": "2023-01-10T08:00:00Z", "actor": "sb-4711", "data": {"caseworkerId": "sb-2040", "unit": "jobcenter"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 13, 'K-2026-000105-046', 'meeting.held', 1677751200, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000105-046", "caseId": "K-2026-000105", "type": "meeting.held", "occurredAt": "2023-03-02T10:00:00Z", "actor": "sb-4711", "data": {"date": "2023-03-02", "channel": "in_person"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000105', 14, 'K-2026-000105-047', 'effort.started', 1678867200, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000105-047", "caseId": "K-2026-000105", "type": "effort.started", "occurredAt": "2023-03-15T08:00:00Z", "actor": "sb-4711", "data": {"startDate": "2023-03-15", "area": "health", "name": "smertebehandling"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 1, 'K-2026-000106-048', 'case.opened', 1754038800, 'sb-4711', NULL, 'requested', '2022', '{"messageId": "K-2026-000106-048", "caseId": "K-2026-000106", "type": "case.opened", "occurredAt": "2025-08-01T09:00:00Z", "actor": "sb-4711", "data": {"birthDate": "1994-06-30", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 2, 'K-2026-000106-049', 'target_group.assessed', 1754647200, 'sb-4711', 'requested', 'preparing', '2022', '{"messageId": "K-2026-000106-049", "caseId": "K-2026-000106", "type": "target_group.assessed", "occurredAt": "2025-08-08T10:00:00Z", "actor": "sb-4711", "data": {"outcome": "in_target_group", "reason": "anxiety and long absence"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 3, 'K-2026-000106-050', 'team.referred', 1755248400, 'sb-4711', 'preparing', 'awaiting_team', '2022', '{"messageId": "K-2026-000106-050", "caseId": "K-2026-000106", "type": "team.referred", "occurredAt": "2025-08-15T09:00:00Z", "actor": "sb-4711", "data": {"meetingDate": "2025-09-02", "consideredEfforts": ["mentor"]}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 4, 'K-2026-000106-051', 'team.recommended', 1756818000, 'sb-4711', 'awaiting_team', 'awaiting_decision', '2022', '{"messageId": "K-2026-000106-051", "caseId": "K-2026-000106", "type": "team.recommended", "occurredAt": "2025-09-02T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "ressourceforloeb", "durationMonths": 18}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 5, 'K-2026-000106-052', 'decision.made', 1757329200, 'sb-4711', 'awaiting_decision', 'active', '2022', '{"messageId": "K-2026-000106-052", "caseId": "K-2026-000106", "type": "decision.made", "occurredAt": "2025-09-08T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "ressourceforloeb", "startDate": "2025-09-15", "durationMonths": 18}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 6, 'K-2026-000106-053', 'caseworker.assigned', 1757404800, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000106-053", "caseId": "K-2026-000106", "type": "caseworker.assigned", "occurredAt": "2025-09-09T08:00:00Z", "actor": "sb-4711", "data": {"caseworkerId": "sb-5150", "unit": "social"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 7, 'K-2026-000106-054', 'meeting.held', 1758276000, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000106-054", "caseId": "K-2026-000106", "type": "meeting.held", "occurredAt": "2025-09-19T10:00:00Z", "actor": "sb-4711", "data": {"date": "2025-09-19", "channel": "in_person"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 8, 'K-2026-000106-055', 'plan.updated', 1758279900, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000106-055", "caseId": "K-2026-000106", "type": "plan.updated", "occurredAt": "2025-09-19T11:05:00Z", "actor": "sb-4711", "data": {"periodMonths": 6, "goal": "stabilisering"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 9, 'K-2026-000106-058', 'absence.recorded', 1760436000, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000106-058", "caseId": "K-2026-000106", "type": "absence.recorded", "occurredAt": "2025-10-14T10:00:00Z", "actor": "sb-4711", "data": {"date": "2025-10-14", "reasonableCause": false}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000106', 10, 'K-2026-000106-062', 'meeting.held', 1763632800, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000106-062", "caseId": "K-2026-000106", "type": "meeting.held", "occurredAt": "2025-11-20T10:00:00Z", "actor": "sb-4711", "data": {"date": "2025-11-20", "channel": "video"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000107', 1, 'K-2026-000107-063', 'case.opened', 1682931600, 'sb-4711', NULL, 'requested', '2022', '{"messageId": "K-2026-000107-063", "caseId": "K-2026-000107", "type": "case.opened", "occurredAt": "2023-05-01T09:00:00Z", "actor": "sb-4711", "data": {"birthDate": "1988-12-24", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000107', 2, 'K-2026-000107-065', 'target_group.assessed', 1683799200, 'sb-4711', 'requested', 'preparing', '2022', '{"messageId": "K-2026-000107-065", "caseId": "K-2026-000107", "type": "target_group.assessed", "occurredAt": "2023-05-11T10:00:00Z", "actor": "sb-4711", "data": {"outcome": "in_target_group", "reason": "complex problems"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000107', 3, 'K-2026-000107-067', 'team.referred', 1683883800, 'sb-4711', 'preparing', 'awaiting_team', '2022', '{"messageId": "K-2026-000107-067", "caseId": "K-2026-000107", "type": "team.referred", "occurredAt": "2023-05-12T09:30:00Z", "actor": "sb-4711", "data": {"meetingDate": "2023-05-25", "consideredEfforts": ["mentor", "kursus"]}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000107', 4, 'K-2026-000107-068', 'team.recommended', 1685019600, 'sb-4711', 'awaiting_team', 'awaiting_decision', '2022', '{"messageId": "K-2026-000107-068", "caseId": "K-2026-000107", "type": "team.recommended", "occurredAt": "2023-05-25T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "ressourceforloeb", "durationMonths": 12}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000107', 5, 'K-2026-000107-069', 'decision.made', 1685617200, 'sb-4711', 'awaiting_decision', 'active', '2022', '{"messageId": "K-2026-000107-069", "caseId": "K-2026-000107", "type": "decision.made", "occurredAt": "2023-06-01T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "ressourceforloeb", "startDate": "2023-06-05"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000107', 6, 'K-2026-000107-070', 'meeting.held', 1686218400, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000107-070", "caseId": "K-2026-000107", "type": "meeting.held", "occurredAt": "2023-06-08T10:00:00Z", "actor": "sb-4711", "data": {"date": "2023-06-08", "channel": "in_person"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 1, 'K-2026-000108-076', 'case.opened', 1725267600, 'sb-4711', NULL, 'requested', '2022', '{"messageId": "K-2026-000108-076", "caseId": "K-2026-000108", "type": "case.opened", "occurredAt": "2024-09-02T09:00:00Z", "actor": "sb-4711", "data": {"birthDate": "1978-04-11", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "sygedagpenge"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 2, 'K-2026-000108-077', 'target_group.assessed', 1726480800, 'sb-4711', 'requested', 'preparing', '2022', '{"messageId": "K-2026-000108-077", "caseId": "K-2026-000108", "type": "target_group.assessed", "occurredAt": "2024-09-16T10:00:00Z", "actor": "sb-4711", "data": {"outcome": "in_target_group", "reason": "chronic pain and depression"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 3, 'K-2026-000108-078', 'team.referred', 1727773200, 'sb-4711', 'preparing', 'awaiting_team', '2022', '{"messageId": "K-2026-000108-078", "caseId": "K-2026-000108", "type": "team.referred", "occurredAt": "2024-10-01T09:00:00Z", "actor": "sb-4711", "data": {"meetingDate": "2024-10-15", "consideredEfforts": ["mentor", "smertehåndtering"]}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 4, 'K-2026-000108-079', 'team.recommended', 1728997200, 'sb-4711', 'awaiting_team', 'awaiting_decision', '2022', '{"messageId": "K-2026-000108-079", "caseId": "K-2026-000108", "type": "team.recommended", "occurredAt": "2024-10-15T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "ressourceforloeb", "durationMonths": 24}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 5, 'K-2026-000108-080', 'decision.made', 1729594800, 'sb-4711', 'awaiting_decision', 'active', '2022', '{"messageId": "K-2026-000108-080", "caseId": "K-2026-000108", "type": "decision.made", "occurredAt": "2024-10-22T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "ressourceforloeb", "startDate": "2024-11-01", "durationMonths": 24, "citizenConsent": true}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 6, 'K-2026-000108-081', 'caseworker.assigned', 1729670400, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000108-081", "caseId": "K-2026-000108", "type": "caseworker.assigned", "occurredAt": "2024-10-23T08:00:00Z", "actor": "sb-4711", "data": {"caseworkerId": "sb-4711", "unit": "jobcenter"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 7, 'K-2026-000108-082', 'meeting.held', 1730109600, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000108-082", "caseId": "K-2026-000108", "type": "meeting.held", "occurredAt": "2024-10-28T10:00:00Z", "actor": "sb-4711", "data": {"date": "2024-10-28", "channel": "in_person"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 8, 'K-2026-000108-083', 'effort.started', 1730707200, 'sb-4711', 'active', 'active', '2022', '{"messageId": "K-2026-000108-083", "caseId": "K-2026-000108", "type": "effort.started", "occurredAt": "2024-11-04T08:00:00Z", "actor": "sb-4711", "data": {"startDate": "2024-11-04", "area": "health", "name": "smertehåndtering"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 9, 'K-2026-000108-084', 'team.referred', 1780304400, 'sb-4711', 'active', 'pre_end_awaiting_team', '2026', '{"messageId": "K-2026-000108-084", "caseId": "K-2026-000108", "type": "team.referred", "occurredAt": "2026-06-01T09:00:00Z", "actor": "sb-4711", "data": {"meetingDate": "2026-06-24"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 10, 'K-2026-000108-085', 'plan.updated', 1781085600, 'sb-4711', 'pre_end_awaiting_team', 'pre_end_awaiting_team', '2026', '{"messageId": "K-2026-000108-085", "caseId": "K-2026-000108", "type": "plan.updated", "occurredAt": "2026-06-10T10:00:00Z", "actor": "sb-4711", "data": {"periodMonths": 6, "goal": "afklaring af arbejdsevne før næste skridt"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 11, 'K-2026-000108-086', 'caseworker.assigned', 1782892800, 'sb-4711', 'pre_end_awaiting_team', 'pre_end_awaiting_team', '2026', '{"messageId": "K-2026-000108-086", "caseId": "K-2026-000108", "type": "caseworker.assigned", "occurredAt": "2026-07-01T08:00:00Z", "actor": "sb-4711", "data": {"caseworkerId": "kom-0260-12", "unit": "municipality"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 12, 'K-2026-000108-088', 'description.completed', 1786708800, 'sb-4711', 'pre_end_awaiting_team', 'pre_end_awaiting_team', '2026', '{"messageId": "K-2026-000108-088", "caseId": "K-2026-000108", "type": "description.completed", "occurredAt": "2026-08-14T12:00:00Z", "actor": "sb-4711", "data": {"date": "2026-08-14"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 13, 'K-2026-000108-090', 'health_advice.given', 1788436800, 'sb-4711', 'pre_end_awaiting_team', 'pre_end_awaiting_team', '2026', '{"messageId": "K-2026-000108-090", "caseId": "K-2026-000108", "type": "health_advice.given", "occurredAt": "2026-09-03T12:00:00Z", "actor": "sb-4711", "data": {"date": "2026-09-03"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000108', 14, 'K-2026-000108-091', 'decision.made', 1789038000, 'sb-4711', 'pre_end_awaiting_team', 'fleksjob', '2026', '{"messageId": "K-2026-000108-091", "caseId": "K-2026-000108", "type": "decision.made", "occurredAt": "2026-09-10T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "fleksjob"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000109', 1, 'K-2026-000109-092', 'case.opened', 1759741200, 'sb-4711', NULL, 'requested', '2022', '{"messageId": "K-2026-000109-092", "caseId": "K-2026-000109", "type": "case.opened", "occurredAt": "2025-10-06T09:00:00Z", "actor": "sb-4711", "data": {"birthDate": "1996-02-29", "municipality": "0260", "origin": "municipality", "incomeBasis": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000109', 2, 'K-2026-000109-093', 'target_group.assessed', 1760954400, 'sb-4711', 'requested', 'preparing', '2022', '{"messageId": "K-2026-000109-093", "caseId": "K-2026-000109", "type": "target_group.assessed", "occurredAt": "2025-10-20T10:00:00Z", "actor": "sb-4711", "data": {"outcome": "in_target_group", "reason": "complex social problems"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000109', 3, 'K-2026-000109-094', 'team.referred', 1762160400, 'sb-4711', 'preparing', 'awaiting_team', '2022', '{"messageId": "K-2026-000109-094", "caseId": "K-2026-000109", "type": "team.referred", "occurredAt": "2025-11-03T09:00:00Z", "actor": "sb-4711", "data": {"meetingDate": "2026-01-20", "consideredEfforts": ["mentor"]}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000109', 4, 'K-2026-000109-095', 'team.recommended', 1768914000, 'sb-4711', 'awaiting_team', 'awaiting_decision', '2022', '{"messageId": "K-2026-000109-095", "caseId": "K-2026-000109", "type": "team.recommended", "occurredAt": "2026-01-20T13:00:00Z", "actor": "sb-4711", "data": {"recommendation": "ressourceforloeb", "durationMonths": 12}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000109', 5, 'K-2026-000109-097', 'decision.made', 1771239600, 'sb-4711', 'awaiting_decision', 'kontanthjaelp', '2026', '{"messageId": "K-2026-000109-097", "caseId": "K-2026-000109", "type": "decision.made", "occurredAt": "2026-02-16T11:00:00Z", "actor": "sb-4711", "data": {"outcome": "kontanthjaelp"}}', 1795435200);
INSERT INTO public.events VALUES ('K-2026-000300', 1, 'S-1', 'case.opened', 1785574800, 'sb-1', NULL, 'requested', '2026', '{"messageId":"S-1","caseId":"K-2026-000300","type":"case.opened","occurredAt":"2026-08-01T09:00:00Z","actor":"sb-1","data":{"birthDate":"1980-05-01","municipality":"0260","origin":"municipality","incomeBasis":"kontanthjaelp"}}', 1795435200);


--
-- Data for Name: forloeb_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.forloeb_migrations VALUES ('001_event_log', 1, 1796561567);
INSERT INTO public.forloeb_migrations VALUES ('002_deadlines_outbox', 2, 1796561567);
INSERT INTO public.forloeb_migrations VALUES ('003_audit_dead_letters', 3, 1796561567);
INSERT INTO public.forloeb_migrations VALUES ('004_rejection_indexes', 4, 1796561567);
INSERT INTO public.forloeb_migrations VALUES ('005_byte_order_keys', 5, 1796561568);
INSERT INTO public.forloeb_migrations VALUES ('006_case_checks_per_statement', 6, 1796561568);


--
-- Data for Name: notification_log; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: outbox; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.outbox VALUES (1, 'K-2026-000101-001/state.changed', 'state.changed', 'K-2026-000101', '{"at":"2023-01-10T09:00:00Z","caseId":"K-2026-000101","causedBy":"K-2026-000101-001","courseNumber":0,"from":null,"ruleSet":"2022","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (2, 'K-2026-000101-002/state.changed', 'state.changed', 'K-2026-000101', '{"at":"2023-01-20T10:00:00Z","caseId":"K-2026-000101","causedBy":"K-2026-000101-002","courseNumber":0,"from":"requested","ruleSet":"2022","to":"preparing"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (3, 'K-2026-000101-003/state.changed', 'state.changed', 'K-2026-000101', '{"at":"2023-02-01T09:00:00Z","caseId":"K-2026-000101","causedBy":"K-2026-000101-003","courseNumber":0,"from":"preparing","ruleSet":"2022","to":"awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (4, 'K-2026-000101-004/state.changed', 'state.changed', 'K-2026-000101', '{"at":"2023-02-14T13:00:00Z","caseId":"K-2026-000101","causedBy":"K-2026-000101-004","courseNumber":0,"from":"awaiting_team","ruleSet":"2022","to":"awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (5, 'K-2026-000101-005/state.changed', 'state.changed', 'K-2026-000101', '{"at":"2023-02-20T11:00:00Z","caseId":"K-2026-000101","causedBy":"K-2026-000101-005","courseNumber":1,"from":"awaiting_decision","ruleSet":"2022","to":"active"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (6, 'K-2026-000101-015/state.changed', 'state.changed', 'K-2026-000101', '{"at":"2024-11-15T09:00:00Z","caseId":"K-2026-000101","causedBy":"K-2026-000101-015","courseNumber":1,"from":"active","ruleSet":"2022","to":"pre_end_awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (7, 'K-2026-000101-016/state.changed', 'state.changed', 'K-2026-000101', '{"at":"2024-12-03T13:00:00Z","caseId":"K-2026-000101","causedBy":"K-2026-000101-016","courseNumber":1,"from":"pre_end_awaiting_team","ruleSet":"2022","to":"pre_end_awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (8, 'K-2026-000101-017/state.changed', 'state.changed', 'K-2026-000101', '{"at":"2025-01-20T11:00:00Z","caseId":"K-2026-000101","causedBy":"K-2026-000101-017","courseNumber":1,"from":"pre_end_awaiting_decision","ruleSet":"2022","to":"fleksjob"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (9, 'K-2026-000102-018/state.changed', 'state.changed', 'K-2026-000102', '{"at":"2024-02-01T09:00:00Z","caseId":"K-2026-000102","causedBy":"K-2026-000102-018","courseNumber":0,"from":null,"ruleSet":"2022","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (10, 'K-2026-000102-019/state.changed', 'state.changed', 'K-2026-000102', '{"at":"2024-02-12T10:00:00Z","caseId":"K-2026-000102","causedBy":"K-2026-000102-019","courseNumber":0,"from":"requested","ruleSet":"2022","to":"refused"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (11, 'K-2026-000103-020/state.changed', 'state.changed', 'K-2026-000103', '{"at":"2024-03-01T09:00:00Z","caseId":"K-2026-000103","causedBy":"K-2026-000103-020","courseNumber":0,"from":null,"ruleSet":"2022","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (12, 'K-2026-000103-021/state.changed', 'state.changed', 'K-2026-000103', '{"at":"2024-03-05T10:00:00Z","caseId":"K-2026-000103","causedBy":"K-2026-000103-021","courseNumber":0,"from":"requested","ruleSet":"2022","to":"foertidspension"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (13, 'K-2026-000104-022/state.changed', 'state.changed', 'K-2026-000104', '{"at":"2024-04-01T09:00:00Z","caseId":"K-2026-000104","causedBy":"K-2026-000104-022","courseNumber":0,"from":null,"ruleSet":"2022","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (14, 'K-2026-000104-023/state.changed', 'state.changed', 'K-2026-000104', '{"at":"2024-04-10T10:00:00Z","caseId":"K-2026-000104","causedBy":"K-2026-000104-023","courseNumber":0,"from":"requested","ruleSet":"2022","to":"preparing"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (15, 'K-2026-000104-024/state.changed', 'state.changed', 'K-2026-000104', '{"at":"2024-04-20T09:00:00Z","caseId":"K-2026-000104","causedBy":"K-2026-000104-024","courseNumber":0,"from":"preparing","ruleSet":"2022","to":"awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (16, 'K-2026-000104-025/state.changed', 'state.changed', 'K-2026-000104', '{"at":"2024-05-02T13:00:00Z","caseId":"K-2026-000104","causedBy":"K-2026-000104-025","courseNumber":0,"from":"awaiting_team","ruleSet":"2022","to":"awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (17, 'K-2026-000104-026/event.rejected', 'event.rejected', 'K-2026-000104', '{"caseId":"K-2026-000104","code":"rereferral_required","detail":"the team recommended ressourceforloeb and the decision is kontanthjaelp; refer the case to the team again before deviating (R2: deviating from the team''s recommendation requires a renewed referral first; 003 §5.2)","messageId":"K-2026-000104-026","rule":"R2","type":"decision.made"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (18, 'K-2026-000104-027/state.changed', 'state.changed', 'K-2026-000104', '{"at":"2024-05-07T09:00:00Z","caseId":"K-2026-000104","causedBy":"K-2026-000104-027","courseNumber":0,"from":"awaiting_decision","ruleSet":"2022","to":"awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (19, 'K-2026-000104-028/state.changed', 'state.changed', 'K-2026-000104', '{"at":"2024-05-23T13:00:00Z","caseId":"K-2026-000104","causedBy":"K-2026-000104-028","courseNumber":0,"from":"awaiting_team","ruleSet":"2022","to":"awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (20, 'K-2026-000104-029/event.rejected', 'event.rejected', 'K-2026-000104', '{"caseId":"K-2026-000104","code":"futility_not_documented","detail":"the citizen is 34; førtidspension under 40 needs a recommendation or assessment that developing work capacity is obviously futile (R8: førtidspension under 40 only where developing work capacity is documented obviously futile; 002; 003 §2)","messageId":"K-2026-000104-029","rule":"R8","type":"decision.made"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (21, 'K-2026-000104-030/state.changed', 'state.changed', 'K-2026-000104', '{"at":"2024-05-27T11:00:00Z","caseId":"K-2026-000104","causedBy":"K-2026-000104-030","courseNumber":0,"from":"awaiting_decision","ruleSet":"2022","to":"kontanthjaelp"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (22, 'K-2026-000105-031/state.changed', 'state.changed', 'K-2026-000105', '{"at":"2019-01-07T09:00:00Z","caseId":"K-2026-000105","causedBy":"K-2026-000105-031","courseNumber":0,"from":null,"ruleSet":"2013","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (23, 'K-2026-000105-032/state.changed', 'state.changed', 'K-2026-000105', '{"at":"2019-01-15T10:00:00Z","caseId":"K-2026-000105","causedBy":"K-2026-000105-032","courseNumber":0,"from":"requested","ruleSet":"2013","to":"preparing"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (24, 'K-2026-000105-033/state.changed', 'state.changed', 'K-2026-000105', '{"at":"2019-01-20T09:00:00Z","caseId":"K-2026-000105","causedBy":"K-2026-000105-033","courseNumber":0,"from":"preparing","ruleSet":"2013","to":"awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (25, 'K-2026-000105-034/state.changed', 'state.changed', 'K-2026-000105', '{"at":"2019-02-05T13:00:00Z","caseId":"K-2026-000105","causedBy":"K-2026-000105-034","courseNumber":0,"from":"awaiting_team","ruleSet":"2013","to":"awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (26, 'K-2026-000105-035/state.changed', 'state.changed', 'K-2026-000105', '{"at":"2019-02-11T11:00:00Z","caseId":"K-2026-000105","causedBy":"K-2026-000105-035","courseNumber":1,"from":"awaiting_decision","ruleSet":"2013","to":"active"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (27, 'K-2026-000105-038/event.rejected', 'event.rejected', 'K-2026-000105', '{"caseId":"K-2026-000105","code":"plan_period_too_short","detail":"an effort plan for 4 months; it must be set for at least 6 (R12: the effort plan is set for at least 6 months at a time; 003 §5.3)","messageId":"K-2026-000105-038","rule":"R12","type":"plan.updated"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (28, 'K-2026-000105-040/state.changed', 'state.changed', 'K-2026-000105', '{"at":"2022-11-10T09:00:00Z","caseId":"K-2026-000105","causedBy":"K-2026-000105-040","courseNumber":1,"from":"active","ruleSet":"2022","to":"pre_end_awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (29, 'K-2026-000105-041/state.changed', 'state.changed', 'K-2026-000105', '{"at":"2022-11-29T13:00:00Z","caseId":"K-2026-000105","causedBy":"K-2026-000105-041","courseNumber":1,"from":"pre_end_awaiting_team","ruleSet":"2022","to":"pre_end_awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (30, 'K-2026-000105-042/event.rejected', 'event.rejected', 'K-2026-000105', '{"caseId":"K-2026-000105","code":"duration_out_of_range","detail":"48 months is outside 12–36 months under rule set 2022 (R3: the decision fixes the course''s duration within the rule set''s range; 003 §6.3 (principafgørelse 82-16); lov 1160/2021)","messageId":"K-2026-000105-042","rule":"R3","type":"decision.made"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (31, 'K-2026-000105-043/event.rejected', 'event.rejected', 'K-2026-000105', '{"caseId":"K-2026-000105","code":"consent_required","detail":"the citizen is 47; courses together would reach 72 months, over 60; the course needs citizenConsent: true (R7: a new course from age 40 (and the 2022 age bands) only at the citizen''s own wish; 000; 003 §6.3; 004 note 1; LAB § 112)","messageId":"K-2026-000105-043","rule":"R7","type":"decision.made"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (32, 'K-2026-000105-044/state.changed', 'state.changed', 'K-2026-000105', '{"at":"2023-01-09T11:00:00Z","caseId":"K-2026-000105","causedBy":"K-2026-000105-044","courseNumber":2,"from":"pre_end_awaiting_decision","ruleSet":"2022","to":"active"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (33, 'K-2026-000106-048/state.changed', 'state.changed', 'K-2026-000106', '{"at":"2025-08-01T09:00:00Z","caseId":"K-2026-000106","causedBy":"K-2026-000106-048","courseNumber":0,"from":null,"ruleSet":"2022","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (34, 'K-2026-000106-049/state.changed', 'state.changed', 'K-2026-000106', '{"at":"2025-08-08T10:00:00Z","caseId":"K-2026-000106","causedBy":"K-2026-000106-049","courseNumber":0,"from":"requested","ruleSet":"2022","to":"preparing"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (35, 'K-2026-000106-050/state.changed', 'state.changed', 'K-2026-000106', '{"at":"2025-08-15T09:00:00Z","caseId":"K-2026-000106","causedBy":"K-2026-000106-050","courseNumber":0,"from":"preparing","ruleSet":"2022","to":"awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (36, 'K-2026-000106-051/state.changed', 'state.changed', 'K-2026-000106', '{"at":"2025-09-02T13:00:00Z","caseId":"K-2026-000106","causedBy":"K-2026-000106-051","courseNumber":0,"from":"awaiting_team","ruleSet":"2022","to":"awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (37, 'K-2026-000106-052/state.changed', 'state.changed', 'K-2026-000106', '{"at":"2025-09-08T11:00:00Z","caseId":"K-2026-000106","causedBy":"K-2026-000106-052","courseNumber":1,"from":"awaiting_decision","ruleSet":"2022","to":"active"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (38, 'K-2026-000106-056/event.rejected', 'event.rejected', 'K-2026-000106', '{"caseId":"K-2026-000106","code":"mentor_agreement_too_long","detail":"the agreement runs 2025-10-01–2026-06-01; it may last at most 6 months (until 2026-04-01) and then be renewed (R13: a mentor agreement is written and lasts at most 6 months; 003 §7; LAB § 167)","messageId":"K-2026-000106-056","rule":"R13","type":"mentor.agreed"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (39, 'K-2026-000106-057/event.rejected', 'event.rejected', 'K-2026-000106', '{"caseId":"K-2026-000106","code":"internship_too_long","detail":"an internship starts for at most 13 weeks, not 20 (LAB § 61; 004)","messageId":"K-2026-000106-057","type":"internship.started"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (40, 'K-2026-000106-059/event.rejected', 'event.rejected', 'K-2026-000106', '{"caseId":"K-2026-000106","code":"sanction_preconditions_unmet","detail":"0 unanswered contact attempt(s) since the absence; at least 2 are needed before a sanction (R11: a sanction only for absence without reasonable cause, after contact attempts are exhausted; 003 §5.5, §6.4)","messageId":"K-2026-000106-059","rule":"R11","type":"sanction.decided"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (41, 'K-2026-000106-060/event.rejected', 'event.rejected', 'K-2026-000106', '{"caseId":"K-2026-000106","code":"extension_not_allowed","detail":"a ressourceforløb cannot be extended; decide a new course instead (R4: a course cannot be extended; only a new course with a new referral and decision; 003 §6.3 (principafgørelse 82-16))","messageId":"K-2026-000106-060","rule":"R4","type":"course.extension_requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (42, 'K-2026-000106-061/event.rejected', 'event.rejected', 'K-2026-000106', '{"caseId":"K-2026-000106","code":"team_recommendation_required","detail":"fleksjob after a course needs the rehabilitation team''s recommendation; refer the case first (R17: fleksjob is not an effort inside a course; a move to fleksjob goes through the team; 003 §4.3)","messageId":"K-2026-000106-061","rule":"R17","type":"decision.made"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (43, 'K-2026-000107-063/state.changed', 'state.changed', 'K-2026-000107', '{"at":"2023-05-01T09:00:00Z","caseId":"K-2026-000107","causedBy":"K-2026-000107-063","courseNumber":0,"from":null,"ruleSet":"2022","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (44, 'K-2026-000107-064/event.rejected', 'event.rejected', 'K-2026-000107', '{"caseId":"K-2026-000107","code":"invalid_transition","detail":"team.recommended is not valid while the case is requested","messageId":"K-2026-000107-064","type":"team.recommended"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (45, 'K-2026-000107-065/state.changed', 'state.changed', 'K-2026-000107', '{"at":"2023-05-11T10:00:00Z","caseId":"K-2026-000107","causedBy":"K-2026-000107-065","courseNumber":0,"from":"requested","ruleSet":"2022","to":"preparing"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (46, 'K-2026-000107-066/event.rejected', 'event.rejected', 'K-2026-000107', '{"caseId":"K-2026-000107","code":"preparation_undocumented","detail":"data.consideredEfforts: a first referral must list the efforts tried or considered (003 §4.2)","messageId":"K-2026-000107-066","type":"team.referred"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (47, 'K-2026-000107-067/state.changed', 'state.changed', 'K-2026-000107', '{"at":"2023-05-12T09:30:00Z","caseId":"K-2026-000107","causedBy":"K-2026-000107-067","courseNumber":0,"from":"preparing","ruleSet":"2022","to":"awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (48, 'K-2026-000107-068/state.changed', 'state.changed', 'K-2026-000107', '{"at":"2023-05-25T13:00:00Z","caseId":"K-2026-000107","causedBy":"K-2026-000107-068","courseNumber":0,"from":"awaiting_team","ruleSet":"2022","to":"awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (49, 'K-2026-000107-069/state.changed', 'state.changed', 'K-2026-000107', '{"at":"2023-06-01T11:00:00Z","caseId":"K-2026-000107","causedBy":"K-2026-000107-069","courseNumber":1,"from":"awaiting_decision","ruleSet":"2022","to":"active"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (50, 'K-2026-000108-076/state.changed', 'state.changed', 'K-2026-000108', '{"at":"2024-09-02T09:00:00Z","caseId":"K-2026-000108","causedBy":"K-2026-000108-076","courseNumber":0,"from":null,"ruleSet":"2022","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (51, 'K-2026-000108-077/state.changed', 'state.changed', 'K-2026-000108', '{"at":"2024-09-16T10:00:00Z","caseId":"K-2026-000108","causedBy":"K-2026-000108-077","courseNumber":0,"from":"requested","ruleSet":"2022","to":"preparing"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (52, 'K-2026-000108-078/state.changed', 'state.changed', 'K-2026-000108', '{"at":"2024-10-01T09:00:00Z","caseId":"K-2026-000108","causedBy":"K-2026-000108-078","courseNumber":0,"from":"preparing","ruleSet":"2022","to":"awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (53, 'K-2026-000108-079/state.changed', 'state.changed', 'K-2026-000108', '{"at":"2024-10-15T13:00:00Z","caseId":"K-2026-000108","causedBy":"K-2026-000108-079","courseNumber":0,"from":"awaiting_team","ruleSet":"2022","to":"awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (54, 'K-2026-000108-080/state.changed', 'state.changed', 'K-2026-000108', '{"at":"2024-10-22T11:00:00Z","caseId":"K-2026-000108","causedBy":"K-2026-000108-080","courseNumber":1,"from":"awaiting_decision","ruleSet":"2022","to":"active"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (55, 'K-2026-000108-084/state.changed', 'state.changed', 'K-2026-000108', '{"at":"2026-06-01T09:00:00Z","caseId":"K-2026-000108","causedBy":"K-2026-000108-084","courseNumber":1,"from":"active","ruleSet":"2026","to":"pre_end_awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (56, 'K-2026-000108-087/event.rejected', 'event.rejected', 'K-2026-000108', '{"caseId":"K-2026-000108","code":"scheme_abolished","detail":"the rehabilitation team no longer sits from 2026-07-01; decide on the samlet beskrivelse and the sundhedskoordinator''s advice instead (R19) (R18: from the reform''s dates no new course or revalidering is granted and the team no longer sits; lov nr. 1750 af 29/12/2025 (L 66, 2025-26, bemærkningerne 2.3))","messageId":"K-2026-000108-087","rule":"R18","type":"team.recommended"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (57, 'K-2026-000108-089/event.rejected', 'event.rejected', 'K-2026-000108', '{"caseId":"K-2026-000108","code":"health_advice_required","detail":"fleksjob needs the samlet beskrivelse and the sundhedskoordinator''s advice since the case became pre_end_awaiting_team; missing: health_advice.given (R19: without the team, fleksjob and førtidspension rest on the samlet beskrivelse and the health advice; lov nr. 1750 af 29/12/2025 (L 66, 2025-26))","messageId":"K-2026-000108-089","rule":"R19","type":"decision.made"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (58, 'K-2026-000108-091/state.changed', 'state.changed', 'K-2026-000108', '{"at":"2026-09-10T11:00:00Z","caseId":"K-2026-000108","causedBy":"K-2026-000108-091","courseNumber":1,"from":"pre_end_awaiting_team","ruleSet":"2026","to":"fleksjob"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (59, 'K-2026-000109-092/state.changed', 'state.changed', 'K-2026-000109', '{"at":"2025-10-06T09:00:00Z","caseId":"K-2026-000109","causedBy":"K-2026-000109-092","courseNumber":0,"from":null,"ruleSet":"2022","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (60, 'K-2026-000109-093/state.changed', 'state.changed', 'K-2026-000109', '{"at":"2025-10-20T10:00:00Z","caseId":"K-2026-000109","causedBy":"K-2026-000109-093","courseNumber":0,"from":"requested","ruleSet":"2022","to":"preparing"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (61, 'K-2026-000109-094/state.changed', 'state.changed', 'K-2026-000109', '{"at":"2025-11-03T09:00:00Z","caseId":"K-2026-000109","causedBy":"K-2026-000109-094","courseNumber":0,"from":"preparing","ruleSet":"2022","to":"awaiting_team"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (62, 'K-2026-000109-095/state.changed', 'state.changed', 'K-2026-000109', '{"at":"2026-01-20T13:00:00Z","caseId":"K-2026-000109","causedBy":"K-2026-000109-095","courseNumber":0,"from":"awaiting_team","ruleSet":"2022","to":"awaiting_decision"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (63, 'K-2026-000109-096/event.rejected', 'event.rejected', 'K-2026-000109', '{"caseId":"K-2026-000109","code":"scheme_abolished","detail":"ressourceforloeb cannot be granted from 2026-02-01: lov 1750/2025 abolished it for citizens not already in a course (R18: from the reform''s dates no new course or revalidering is granted and the team no longer sits; lov nr. 1750 af 29/12/2025 (L 66, 2025-26, bemærkningerne 2.3))","messageId":"K-2026-000109-096","rule":"R18","type":"decision.made"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (64, 'K-2026-000109-097/state.changed', 'state.changed', 'K-2026-000109', '{"at":"2026-02-16T11:00:00Z","caseId":"K-2026-000109","causedBy":"K-2026-000109-097","courseNumber":0,"from":"awaiting_decision","ruleSet":"2026","to":"kontanthjaelp"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (65, 'K-2026-000102-071/event.rejected', 'event.rejected', 'K-2026-000102', '{"caseId":"K-2026-000102","code":"case_exists","detail":"case K-2026-000102 already exists (it is refused)","messageId":"K-2026-000102-071","type":"case.opened"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (66, 'K-2026-999999-072/event.rejected', 'event.rejected', 'K-2026-999999', '{"caseId":"K-2026-999999","code":"unknown_case","detail":"no case K-2026-999999 was ever opened","messageId":"K-2026-999999-072","type":"meeting.held"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (67, 'K-2026-000101-073/event.rejected', 'event.rejected', 'K-2026-000101', '{"caseId":"K-2026-000101","code":"unknown_type","detail":"type: \"case.reopened\" is not an event type of the contract","messageId":"K-2026-000101-073","type":"case.reopened"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (68, 'broken-1/event.rejected', 'event.rejected', NULL, '{"code":"malformed","detail":"caseId: required field is missing","messageId":"broken-1","type":"case.opened"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (69, 'S-1/state.changed', 'state.changed', 'K-2026-000300', '{"at":"2026-08-01T09:00:00Z","caseId":"K-2026-000300","causedBy":"S-1","courseNumber":0,"from":null,"ruleSet":"2026","to":"requested"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (70, 'S-4/event.rejected', 'event.rejected', 'K-2026-000300', '{"caseId":"K-2026-000300","code":"scheme_abolished","detail":"the rehabilitation team no longer sits from 2026-07-01; decide on the samlet beskrivelse and the sundhedskoordinator''s advice instead (R19) (R18: from the reform''s dates no new course or revalidering is granted and the team no longer sits; lov nr. 1750 af 29/12/2025 (L 66, 2025-26, bemærkningerne 2.3))","messageId":"S-4","rule":"R18","type":"team.recommended"}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (71, 'unreadable-5cf74153161a1a88/event.rejected', 'event.rejected', NULL, '{"code":"malformed","detail":"body: not a JSON object (body: not valid JSON)","messageId":"unreadable-5cf74153161a1a88","type":""}', 1795435200, NULL);
INSERT INTO public.outbox VALUES (72, 'S-9/event.rejected', 'event.rejected', 'K-NOPE', '{"caseId":"K-NOPE","code":"unknown_case","detail":"no case K-NOPE was ever opened","messageId":"S-9","type":"team.referred"}', 1795435200, NULL);


--
-- Data for Name: processed_messages; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.processed_messages VALUES ('K-2026-000101-001', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-002', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-003', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-004', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-005', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-006', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-007', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-008', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-009', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-010', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-011', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-012', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-013', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-014', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-015', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-016', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-017', 'applied', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000102-018', 'applied', 'K-2026-000102', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000102-019', 'applied', 'K-2026-000102', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000103-020', 'applied', 'K-2026-000103', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000103-021', 'applied', 'K-2026-000103', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000104-022', 'applied', 'K-2026-000104', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000104-023', 'applied', 'K-2026-000104', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000104-024', 'applied', 'K-2026-000104', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000104-025', 'applied', 'K-2026-000104', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000104-026', 'rejected', 'K-2026-000104', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000104-027', 'applied', 'K-2026-000104', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000104-028', 'applied', 'K-2026-000104', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000104-029', 'rejected', 'K-2026-000104', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000104-030', 'applied', 'K-2026-000104', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-031', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-032', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-033', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-034', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-035', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-036', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-037', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-038', 'rejected', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-039', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-040', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-041', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-042', 'rejected', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-043', 'rejected', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-044', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-045', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-046', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000105-047', 'applied', 'K-2026-000105', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-048', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-049', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-050', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-051', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-052', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-053', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-054', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-055', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-056', 'rejected', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-057', 'rejected', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-058', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-059', 'rejected', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-060', 'rejected', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-061', 'rejected', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000106-062', 'applied', 'K-2026-000106', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000107-063', 'applied', 'K-2026-000107', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000107-064', 'rejected', 'K-2026-000107', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000107-065', 'applied', 'K-2026-000107', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000107-066', 'rejected', 'K-2026-000107', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000107-067', 'applied', 'K-2026-000107', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000107-068', 'applied', 'K-2026-000107', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000107-069', 'applied', 'K-2026-000107', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000107-070', 'applied', 'K-2026-000107', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-076', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-077', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-078', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-079', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-080', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-081', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-082', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-083', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-084', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-085', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-086', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-087', 'rejected', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-088', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-089', 'rejected', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-090', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000108-091', 'applied', 'K-2026-000108', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000109-092', 'applied', 'K-2026-000109', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000109-093', 'applied', 'K-2026-000109', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000109-094', 'applied', 'K-2026-000109', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000109-095', 'applied', 'K-2026-000109', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000109-096', 'rejected', 'K-2026-000109', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000109-097', 'applied', 'K-2026-000109', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000102-071', 'rejected', 'K-2026-000102', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-999999-072', 'rejected', 'K-2026-999999', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('K-2026-000101-073', 'rejected', 'K-2026-000101', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('broken-1', 'rejected', NULL, 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('S-1', 'applied', 'K-2026-000300', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('S-4', 'rejected', 'K-2026-000300', 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('unreadable-5cf74153161a1a88', 'rejected', NULL, 1, 1795435200);
INSERT INTO public.processed_messages VALUES ('S-9', 'rejected', 'K-NOPE', 1, 1795435200);


--
-- Data for Name: rejections; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.rejections VALUES (1, 'K-2026-000104-026', 1, 'K-2026-000104', true, 'decision.made', 'rereferral_required', 'R2', 'the team recommended ressourceforloeb and the decision is kontanthjaelp; refer the case to the team again before deviating (R2: deviating from the team''s recommendation requires a renewed referral first; 003 §5.2)', 1714993200, '\x7b226d6573736167654964223a20224b2d323032362d3030303130342d303236222c2022636173654964223a20224b2d323032362d303030313034222c202274797065223a20226465636973696f6e2e6d616465222c20226f636375727265644174223a2022323032342d30352d30365431313a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b226f7574636f6d65223a20226b6f6e74616e74686a61656c70227d7d', 1795435200);
INSERT INTO public.rejections VALUES (2, 'K-2026-000104-029', 1, 'K-2026-000104', true, 'decision.made', 'futility_not_documented', 'R8', 'the citizen is 34; førtidspension under 40 needs a recommendation or assessment that developing work capacity is obviously futile (R8: førtidspension under 40 only where developing work capacity is documented obviously futile; 002; 003 §2)', 1716548400, '\x7b226d6573736167654964223a20224b2d323032362d3030303130342d303239222c2022636173654964223a20224b2d323032362d303030313034222c202274797065223a20226465636973696f6e2e6d616465222c20226f636375727265644174223a2022323032342d30352d32345431313a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b226f7574636f6d65223a2022666f65727469647370656e73696f6e227d7d', 1795435200);
INSERT INTO public.rejections VALUES (3, 'K-2026-000105-038', 1, 'K-2026-000105', true, 'plan.updated', 'plan_period_too_short', 'R12', 'an effort plan for 4 months; it must be set for at least 6 (R12: the effort plan is set for at least 6 months at a time; 003 §5.3)', 1551697200, '\x7b226d6573736167654964223a20224b2d323032362d3030303130352d303338222c2022636173654964223a20224b2d323032362d303030313035222c202274797065223a2022706c616e2e75706461746564222c20226f636375727265644174223a2022323031392d30332d30345431313a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b22706572696f644d6f6e746873223a20342c2022676f616c223a2022736d6572746568c3a56e64746572696e67227d7d', 1795435200);
INSERT INTO public.rejections VALUES (4, 'K-2026-000105-042', 1, 'K-2026-000105', true, 'decision.made', 'duration_out_of_range', 'R3', '48 months is outside 12–36 months under rule set 2022 (R3: the decision fixes the course''s duration within the rule set''s range; 003 §6.3 (principafgørelse 82-16); lov 1160/2021)', 1672916400, '\x7b226d6573736167654964223a20224b2d323032362d3030303130352d303432222c2022636173654964223a20224b2d323032362d303030313035222c202274797065223a20226465636973696f6e2e6d616465222c20226f636375727265644174223a2022323032332d30312d30355431313a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b226f7574636f6d65223a20226e65775f636f75727365222c20226475726174696f6e4d6f6e746873223a2034382c2022636974697a656e436f6e73656e74223a20747275657d7d', 1795435200);
INSERT INTO public.rejections VALUES (5, 'K-2026-000105-043', 1, 'K-2026-000105', true, 'decision.made', 'consent_required', 'R7', 'the citizen is 47; courses together would reach 72 months, over 60; the course needs citizenConsent: true (R7: a new course from age 40 (and the 2022 age bands) only at the citizen''s own wish; 000; 003 §6.3; 004 note 1; LAB § 112)', 1673002800, '\x7b226d6573736167654964223a20224b2d323032362d3030303130352d303433222c2022636173654964223a20224b2d323032362d303030313035222c202274797065223a20226465636973696f6e2e6d616465222c20226f636375727265644174223a2022323032332d30312d30365431313a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b226f7574636f6d65223a20226e65775f636f75727365222c20226475726174696f6e4d6f6e746873223a2032347d7d', 1795435200);
INSERT INTO public.rejections VALUES (6, 'K-2026-000106-056', 1, 'K-2026-000106', true, 'mentor.agreed', 'mentor_agreement_too_long', 'R13', 'the agreement runs 2025-10-01–2026-06-01; it may last at most 6 months (until 2026-04-01) and then be renewed (R13: a mentor agreement is written and lasts at most 6 months; 003 §7; LAB § 167)', 1759305600, '\x7b226d6573736167654964223a20224b2d323032362d3030303130362d303536222c2022636173654964223a20224b2d323032362d303030313036222c202274797065223a20226d656e746f722e616772656564222c20226f636375727265644174223a2022323032352d31302d30315430383a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b22737461727444617465223a2022323032352d31302d3031222c2022656e6444617465223a2022323032362d30362d3031227d7d', 1795435200);
INSERT INTO public.rejections VALUES (7, 'K-2026-000106-057', 1, 'K-2026-000106', true, 'internship.started', 'internship_too_long', NULL, 'an internship starts for at most 13 weeks, not 20 (LAB § 61; 004)', 1759737600, '\x7b226d6573736167654964223a20224b2d323032362d3030303130362d303537222c2022636173654964223a20224b2d323032362d303030313036222c202274797065223a2022696e7465726e736869702e73746172746564222c20226f636375727265644174223a2022323032352d31302d30365430383a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b22737461727444617465223a2022323032352d31302d3036222c20227765656b73223a2032307d7d', 1795435200);
INSERT INTO public.rejections VALUES (8, 'K-2026-000106-059', 1, 'K-2026-000106', true, 'sanction.decided', 'sanction_preconditions_unmet', 'R11', '0 unanswered contact attempt(s) since the absence; at least 2 are needed before a sanction (R11: a sanction only for absence without reasonable cause, after contact attempts are exhausted; 003 §5.5, §6.4)', 1760522400, '\x7b226d6573736167654964223a20224b2d323032362d3030303130362d303539222c2022636173654964223a20224b2d323032362d303030313036222c202274797065223a202273616e6374696f6e2e64656369646564222c20226f636375727265644174223a2022323032352d31302d31355431303a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b22616273656e636544617465223a2022323032352d31302d3134227d7d', 1795435200);
INSERT INTO public.rejections VALUES (9, 'K-2026-000106-060', 1, 'K-2026-000106', true, 'course.extension_requested', 'extension_not_allowed', 'R4', 'a ressourceforløb cannot be extended; decide a new course instead (R4: a course cannot be extended; only a new course with a new referral and decision; 003 §6.3 (principafgørelse 82-16))', 1761991200, '\x7b226d6573736167654964223a20224b2d323032362d3030303130362d303630222c2022636173654964223a20224b2d323032362d303030313036222c202274797065223a2022636f757273652e657874656e73696f6e5f726571756573746564222c20226f636375727265644174223a2022323032352d31312d30315431303a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b7d7d', 1795435200);
INSERT INTO public.rejections VALUES (10, 'K-2026-000106-061', 1, 'K-2026-000106', true, 'decision.made', 'team_recommendation_required', 'R17', 'fleksjob after a course needs the rehabilitation team''s recommendation; refer the case first (R17: fleksjob is not an effort inside a course; a move to fleksjob goes through the team; 003 §4.3)', 1762077600, '\x7b226d6573736167654964223a20224b2d323032362d3030303130362d303631222c2022636173654964223a20224b2d323032362d303030313036222c202274797065223a20226465636973696f6e2e6d616465222c20226f636375727265644174223a2022323032352d31312d30325431303a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b226f7574636f6d65223a2022666c656b736a6f62227d7d', 1795435200);
INSERT INTO public.rejections VALUES (11, 'K-2026-000107-064', 1, 'K-2026-000107', true, 'team.recommended', 'invalid_transition', NULL, 'team.recommended is not valid while the case is requested', 1683723600, '\x7b226d6573736167654964223a20224b2d323032362d3030303130372d303634222c2022636173654964223a20224b2d323032362d303030313037222c202274797065223a20227465616d2e7265636f6d6d656e646564222c20226f636375727265644174223a2022323032332d30352d31305431333a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b227265636f6d6d656e646174696f6e223a2022726573736f75726365666f726c6f6562222c20226475726174696f6e4d6f6e746873223a2031327d7d', 1795435200);
INSERT INTO public.rejections VALUES (12, 'K-2026-000107-066', 1, 'K-2026-000107', true, 'team.referred', 'preparation_undocumented', NULL, 'data.consideredEfforts: a first referral must list the efforts tried or considered (003 §4.2)', 1683882000, '\x7b226d6573736167654964223a20224b2d323032362d3030303130372d303636222c2022636173654964223a20224b2d323032362d303030313037222c202274797065223a20227465616d2e7265666572726564222c20226f636375727265644174223a2022323032332d30352d31325430393a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b226d656574696e6744617465223a2022323032332d30352d3235227d7d', 1795435200);
INSERT INTO public.rejections VALUES (13, 'K-2026-000108-087', 1, 'K-2026-000108', true, 'team.recommended', 'scheme_abolished', 'R18', 'the rehabilitation team no longer sits from 2026-07-01; decide on the samlet beskrivelse and the sundhedskoordinator''s advice instead (R19) (R18: from the reform''s dates no new course or revalidering is granted and the team no longer sits; lov nr. 1750 af 29/12/2025 (L 66, 2025-26, bemærkningerne 2.3))', 1782997200, '\x7b226d6573736167654964223a20224b2d323032362d3030303130382d303837222c2022636173654964223a20224b2d323032362d303030313038222c202274797065223a20227465616d2e7265636f6d6d656e646564222c20226f636375727265644174223a2022323032362d30372d30325431333a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b227265636f6d6d656e646174696f6e223a2022666c656b736a6f62227d7d', 1795435200);
INSERT INTO public.rejections VALUES (14, 'K-2026-000108-089', 1, 'K-2026-000108', true, 'decision.made', 'health_advice_required', 'R19', 'fleksjob needs the samlet beskrivelse and the sundhedskoordinator''s advice since the case became pre_end_awaiting_team; missing: health_advice.given (R19: without the team, fleksjob and førtidspension rest on the samlet beskrivelse and the health advice; lov nr. 1750 af 29/12/2025 (L 66, 2025-26))', 1787223600, '\x7b226d6573736167654964223a20224b2d323032362d3030303130382d303839222c2022636173654964223a20224b2d323032362d303030313038222c202274797065223a20226465636973696f6e2e6d616465222c20226f636375727265644174223a2022323032362d30382d32305431313a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b226f7574636f6d65223a2022666c656b736a6f62227d7d', 1795435200);
INSERT INTO public.rejections VALUES (15, 'K-2026-000109-096', 1, 'K-2026-000109', true, 'decision.made', 'scheme_abolished', 'R18', 'ressourceforloeb cannot be granted from 2026-02-01: lov 1750/2025 abolished it for citizens not already in a course (R18: from the reform''s dates no new course or revalidering is granted and the team no longer sits; lov nr. 1750 af 29/12/2025 (L 66, 2025-26, bemærkningerne 2.3))', 1770634800, '\x7b226d6573736167654964223a20224b2d323032362d3030303130392d303936222c2022636173654964223a20224b2d323032362d303030313039222c202274797065223a20226465636973696f6e2e6d616465222c20226f636375727265644174223a2022323032362d30322d30395431313a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b226f7574636f6d65223a2022726573736f75726365666f726c6f6562222c20226475726174696f6e4d6f6e746873223a2031327d7d', 1795435200);
INSERT INTO public.rejections VALUES (16, 'K-2026-000102-071', 1, 'K-2026-000102', true, 'case.opened', 'case_exists', NULL, 'case K-2026-000102 already exists (it is refused)', 1709283600, '\x7b226d6573736167654964223a20224b2d323032362d3030303130322d303731222c2022636173654964223a20224b2d323032362d303030313032222c202274797065223a2022636173652e6f70656e6564222c20226f636375727265644174223a2022323032342d30332d30315430393a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b22626972746844617465223a2022313939322d31312d3033222c20226d756e69636970616c697479223a202230323630222c20226f726967696e223a20226d756e69636970616c697479222c2022696e636f6d654261736973223a20226b6f6e74616e74686a61656c70227d7d', 1795435200);
INSERT INTO public.rejections VALUES (17, 'K-2026-999999-072', 1, 'K-2026-999999', false, 'meeting.held', 'unknown_case', NULL, 'no case K-2026-999999 was ever opened', 1704103200, '\x7b226d6573736167654964223a20224b2d323032362d3939393939392d303732222c2022636173654964223a20224b2d323032362d393939393939222c202274797065223a20226d656574696e672e68656c64222c20226f636375727265644174223a2022323032342d30312d30315431303a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b2264617465223a2022323032342d30312d3031222c20226368616e6e656c223a202270686f6e65227d7d', 1795435200);
INSERT INTO public.rejections VALUES (18, 'K-2026-000101-073', 1, 'K-2026-000101', true, 'case.reopened', 'unknown_type', NULL, 'type: "case.reopened" is not an event type of the contract', 1738404000, '\x7b226d6573736167654964223a20224b2d323032362d3030303130312d303733222c2022636173654964223a20224b2d323032362d303030313031222c202274797065223a2022636173652e72656f70656e6564222c20226f636375727265644174223a2022323032352d30322d30315431303a30303a30305a222c20226163746f72223a202273622d34373131222c202264617461223a207b7d7d', 1795435200);
INSERT INTO public.rejections VALUES (19, 'broken-1', 1, NULL, false, 'case.opened', 'malformed', NULL, 'caseId: required field is missing', 1704103200, '\x7b226d6573736167654964223a2262726f6b656e2d31222c2274797065223a22636173652e6f70656e6564222c226f636375727265644174223a22323032342d30312d30315431303a30303a30305a227d', 1795435200);
INSERT INTO public.rejections VALUES (20, 'S-4', 1, 'K-2026-000300', true, 'team.recommended', 'scheme_abolished', 'R18', 'the rehabilitation team no longer sits from 2026-07-01; decide on the samlet beskrivelse and the sundhedskoordinator''s advice instead (R19) (R18: from the reform''s dates no new course or revalidering is granted and the team no longer sits; lov nr. 1750 af 29/12/2025 (L 66, 2025-26, bemærkningerne 2.3))', 1789462800, '\x7b226d6573736167654964223a22532d34222c22636173654964223a224b2d323032362d303030333030222c2274797065223a227465616d2e7265636f6d6d656e646564222c226f636375727265644174223a22323032362d30392d31355430393a30303a30305a222c226163746f72223a2273622d31222c2264617461223a7b227265636f6d6d656e646174696f6e223a22726573736f75726365666f726c6f6562222c226475726174696f6e4d6f6e746873223a31327d7d', 1795435200);
INSERT INTO public.rejections VALUES (21, 'unreadable-5cf74153161a1a88', 1, NULL, false, '', 'malformed', NULL, 'body: not a JSON object (body: not valid JSON)', NULL, '\x6e6f74206a736f6e', 1795435200);
INSERT INTO public.rejections VALUES (22, 'S-9', 1, 'K-NOPE', false, 'team.referred', 'unknown_case', NULL, 'no case K-NOPE was ever opened', 1788253200, '\x7b226d6573736167654964223a22532d39222c22636173654964223a224b2d4e4f5045222c2274797065223a227465616d2e7265666572726564222c226f636375727265644174223a22323032362d30392d30315430393a30303a30305a222c226163746f72223a2273622d31222c2264617461223a7b226d656574696e6744617465223a22323032362d30392d3135222c22636f6e736964657265644566666f727473223a5b226d656e746f72225d7d7d', 1795435200);


--
-- Name: dead_letters_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.dead_letters_id_seq', 2, true);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 72, true);


--
-- Name: rejections_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.rejections_id_seq', 22, true);


--
-- Name: audit_log audit_log_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_hash_key UNIQUE (hash);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (sequence);


--
-- Name: cases cases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_pkey PRIMARY KEY (case_id);


--
-- Name: dead_letters dead_letters_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dead_letters
    ADD CONSTRAINT dead_letters_pkey PRIMARY KEY (id);


--
-- Name: deadlines deadlines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deadlines
    ADD CONSTRAINT deadlines_pkey PRIMARY KEY (case_id, kind);


--
-- Name: events events_message_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_message_id_key UNIQUE (message_id);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (case_id, "position");


--
-- Name: forloeb_migrations forloeb_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forloeb_migrations
    ADD CONSTRAINT forloeb_migrations_pkey PRIMARY KEY (name);


--
-- Name: notification_log notification_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_log
    ADD CONSTRAINT notification_log_pkey PRIMARY KEY (case_id, kind, due_at, notice);


--
-- Name: outbox outbox_message_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_message_id_key UNIQUE (message_id);


--
-- Name: outbox outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);


--
-- Name: processed_messages processed_messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.processed_messages
    ADD CONSTRAINT processed_messages_pkey PRIMARY KEY (message_id);


--
-- Name: rejections rejections_message_id_attempt_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rejections
    ADD CONSTRAINT rejections_message_id_attempt_key UNIQUE (message_id, attempt);


--
-- Name: rejections rejections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rejections
    ADD CONSTRAINT rejections_pkey PRIMARY KEY (id);


--
-- Name: audit_case; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_case ON public.audit_log USING btree (case_id) WHERE (case_id IS NOT NULL);


--
-- Name: cases_caseworker; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cases_caseworker ON public.cases USING btree (caseworker) WHERE (caseworker IS NOT NULL);


--
-- Name: cases_course_end; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cases_course_end ON public.cases USING btree (course_end) WHERE (course_end IS NOT NULL);


--
-- Name: cases_municipality; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cases_municipality ON public.cases USING btree (municipality, state);


--
-- Name: cases_state_idle; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cases_state_idle ON public.cases USING btree (state, last_event_at);


--
-- Name: dead_letters_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dead_letters_open ON public.dead_letters USING btree (id) WHERE (resolution IS NULL);


--
-- Name: deadlines_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX deadlines_due ON public.deadlines USING btree (due_at);


--
-- Name: outbox_case; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_case ON public.outbox USING btree (case_id) WHERE (case_id IS NOT NULL);


--
-- Name: outbox_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_pending ON public.outbox USING btree (id) WHERE (sent_at IS NULL);


--
-- Name: rejections_case; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rejections_case ON public.rejections USING btree (case_id) WHERE attached;


--
-- Name: rejections_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rejections_code ON public.rejections USING btree (code, id);


--
-- Name: rejections_recorded; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rejections_recorded ON public.rejections USING btree (recorded_at, code);


--
-- Name: rejections_unattached; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rejections_unattached ON public.rejections USING btree (id) WHERE (NOT attached);


--
-- Name: audit_log audit_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_append_only BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.forloeb_append_only();


--
-- Name: cases cases_not_truncated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_not_truncated BEFORE TRUNCATE ON public.cases FOR EACH STATEMENT EXECUTE FUNCTION public.forloeb_cases_stay();


--
-- Name: cases cases_stay; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cases_stay BEFORE DELETE OR UPDATE OF case_id ON public.cases FOR EACH ROW EXECUTE FUNCTION public.forloeb_cases_stay();


--
-- Name: deadlines deadlines_inserted_name_cases; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER deadlines_inserted_name_cases AFTER INSERT ON public.deadlines REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION public.forloeb_rows_name_cases();


--
-- Name: deadlines deadlines_updated_name_cases; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER deadlines_updated_name_cases AFTER UPDATE ON public.deadlines REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION public.forloeb_rows_name_cases();


--
-- Name: events events_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER events_append_only BEFORE DELETE OR UPDATE ON public.events FOR EACH ROW EXECUTE FUNCTION public.forloeb_append_only();


--
-- Name: events events_name_cases; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER events_name_cases AFTER INSERT ON public.events REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION public.forloeb_rows_name_cases();


--
-- PostgreSQL database dump complete
--


