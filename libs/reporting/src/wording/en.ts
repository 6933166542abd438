import { EVENT_KIND_LABELS } from '@app/events';
import { TASK_RESULT_LABELS } from '@app/planning';
import { english } from './plural';
import { capitalize, clause, endSentence, listOf, lowerFirst } from './text';
import type { ChangeWording, NetworkKindWords, Wording } from './wording';

/** The kinds of network in words; the short noun is what a text calls it ("the district"). English has no cases. */
const KINDS: Record<string, NetworkKindWords> = {
  'educational-district': { label: 'educational district', genitive: 'educational district', short: 'district', shortGenitive: 'district' },
  'council-of-heads': { label: 'council of heads', genitive: 'council of heads', short: 'council', shortGenitive: 'council' },
  partnership: { label: 'partnership', genitive: 'partnership', short: 'partnership', shortGenitive: 'partnership' },
  other: { label: 'network', genitive: 'network', short: 'network', shortGenitive: 'network' },
};
const kindOf = (kind: string): NetworkKindWords => KINDS[kind] ?? KINDS.other;

const SCHOOLS = new Set(['general-school', 'gymnasium', 'lyceum', 'educational-complex']);

const change = (networkKind: string, c: ChangeWording): string => {
  const short = kindOf(networkKind).short;
  const names = listOf(c.names, 'and');
  const several = c.names.length > 1;
  const is = several ? 'are' : 'is';
  const as = c.role === 'partner' ? (several ? 'partners' : 'a partner') : several ? 'members' : 'a member';
  const joins = `From ${c.on}, ${names} ${is} ${as} of the ${short}`;
  const leaves = `From ${c.on}, ${names} ${is} no longer in the ${short}`;
  switch (c.change) {
    case 'admitted':
      return joins;
    case 'left':
      return leaves;
    case 'transferred-in':
      return `${joins} (moved from ${c.otherNetwork})`;
    case 'transferred-out':
      return `${leaves} (moved to ${c.otherNetwork})`;
    case 'merged':
      return c.direction === 'in' ? `${joins} (on the merger of ${c.otherNetwork} into it)` : `${leaves} (on its merger into ${c.otherNetwork})`;
    case 'split':
      return c.direction === 'in' ? `${joins} (on its split from ${c.otherNetwork})` : `${leaves} (on the split of ${c.otherNetwork} from it)`;
    case 'role-changed':
      return `From ${c.on}, ${names} ${several ? 'take' : 'takes'} part in the ${short}’s work as ${as}`;
    case 'anchor-set':
      return `From ${c.on}, the ${c.role} of the ${short} is ${names}`;
    case 'head-appointed': {
      const head = c.head!;
      const position = lowerFirst(clause(head.position));
      if (head.name) return `From ${c.on}, the ${short} is headed by ${head.name} (${position})`;
      return `From ${c.on}, a head of the ${short} is appointed (${position})${head.erased ? '; their personal data was erased on request' : ''}`;
    }
    case 'renamed':
      return `From ${c.on}, the ${short} is called “${c.newName}”`;
    default:
      return `From ${c.on}: ${names}`;
  }
};

export const en: Wording = {
  language: 'en',
  quote: (text) => `“${text}”`,
  networkKind: kindOf,
  networkGenitive: (name) => name,
  labels: (networkKind) => {
    const short = kindOf(networkKind).short;
    return {
      anchor: 'Anchor institution',
      composition: `Members of the ${short}`,
      changes: `Changes in the ${short}’s membership`,
      theme: 'Methodological theme',
      goal: 'Goal',
      tasks: 'Tasks',
      activityKinds: 'Kinds of activity',
      projects: 'Network projects',
      agreements: 'Cooperation agreements',
      eventsHeld: 'Events held',
      notHeld: 'Planned events not held',
      participation: 'Participants',
      eventsByKind: 'Events by kind',
      outside: `Cooperation with institutions outside the ${short}`,
      publications: 'Publicity',
      taskResults: 'Results by task',
      conclusions: 'Conclusions',
      assessment: 'Assessment',
      problems: 'Problems',
      nextYear: 'Next year’s tasks',
      signature: `Head of the ${short}`,
    };
  },
  title: (network, period) => `Report on the work of ${network} for ${period}`,
  anchorRole: (institutionKind) => (SCHOOLS.has(institutionKind) ? 'anchor school' : 'anchor institution'),
  memberRole: (role) => (role === 'partner' ? 'partner' : 'member'),
  composition: (networkKind, members, partners) => {
    const short = kindOf(networkKind).short;
    if (!members.length && !partners.length) return '';
    if (!members.length) return endSentence(`Partners of the ${short}: ${partners.join(', ')}`);
    return endSentence(`Members of the ${short}: ${members.join(', ')}${partners.length ? `; partners: ${partners.join(', ')}` : ''}`);
  },
  change,
  eventKinds: {
    seminar: english('seminar', 'seminars'),
    'practice-oriented-seminar': english('practice-oriented seminar', 'practice-oriented seminars'),
    'master-class': english('master class', 'master classes'),
    conference: english('conference', 'conferences'),
    'research-practical-conference': english('research-practical conference', 'research-practical conferences'),
    'council-meeting': english('council meeting', 'council meetings'),
    'open-door-day': english('open-door day', 'open-door days'),
    'olympiad-stage': english('olympiad stage', 'olympiad stages'),
    contest: english('contest', 'contests'),
    forum: english('forum', 'forums'),
    'round-table': english('round table', 'round tables'),
    webinar: english('webinar', 'webinars'),
    consultation: english('consultation', 'consultations'),
    'joint-methodological-meeting': english('joint meeting of methodological associations', 'joint meetings of methodological associations'),
    'subject-week': english('subject week', 'subject weeks'),
    'pedagogical-council': english('pedagogical council (consilium)', 'pedagogical councils (consilia)'),
    'open-lessons': english('open lesson', 'open lessons'),
    excursion: english('excursion', 'excursions'),
    course: english('course', 'courses'),
    other: english('other event', 'other events'),
  },
  categories: {
    pupils: english('pupil', 'pupils'),
    preschoolers: english('preschooler', 'preschoolers'),
    teachers: english('teacher', 'teachers'),
    heads: english('head of an institution', 'heads of institutions'),
    'deputy-heads': english('deputy head', 'deputy heads'),
    parents: english('parent', 'parents'),
    students: english('student', 'students'),
    others: english('other participant', 'other participants'),
  },
  eventKind: (kind) => capitalize(EVENT_KIND_LABELS[kind].en),
  format: (mode, platform) => {
    const on = platform ? `, on ${platform}` : '';
    if (mode === 'online') return `online${on}`;
    if (mode === 'hybrid') return `in person and online${on}`;
    return 'in person';
  },
  forWhom: 'for',
  audience: (categories, networks) => {
    if (categories.length && networks.length) return `for ${listOf(categories, 'and')} of ${listOf(networks, 'and')}`;
    if (categories.length || networks.length) return `for ${listOf([...categories, ...networks], 'and')}`;
    return '';
  },
  hosts: (names) => `hosted by ${listOf(names, 'and')}`,
  outsideMark: (networkKind) => `not a member of the ${kindOf(networkKind).short}`,
  participants: (parts) => `Taking part: ${parts.join(', ')}.`,
  outcome: (text) => `Outcome: ${lowerFirst(clause(text))}.`,
  itemStatus: (status) => ({ cancelled: 'cancelled', postponed: 'postponed', 'carried-over': 'carried over to next year', 'not-held': 'not held' })[status],
  notHeld: (line, status, reason) => `${line}: ${status}${reason ? ` – ${lowerFirst(clause(reason))}` : ''}.`,
  outside: (name, hosted, tookPart) =>
    `${name}: ${[hosted.length ? `host of ${hosted.join(', ')}` : '', tookPart.length ? `took part in ${tookPart.join(', ')}` : ''].filter(Boolean).join('; ')}.`,
  publication: (title, url) => (title ? `${clause(title)} – ${url}` : url),
  project: (name, goal, partners, events) =>
    endSentence(
      [`Project “${name}”`, goal ? `goal: ${lowerFirst(clause(goal))}` : '', partners.length ? `partners: ${partners.join(', ')}` : '', events.length ? `events: ${events.join(', ')}` : '']
        .filter(Boolean)
        .join('; '),
    ),
  agreement: (a) =>
    endSentence(
      [
        `Agreement${a.number ? ` No. ${a.number}` : ''}${a.signedOn ? ` of ${a.signedOn}` : ''} “${clause(a.subject)}”`,
        a.parties.length ? `parties: ${a.parties.join(', ')}` : '',
        a.validUntil ? `valid until ${a.validUntil}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    ),
  taskResults: { done: TASK_RESULT_LABELS.done.en, 'partly-done': TASK_RESULT_LABELS['partly-done'].en, 'not-done': TASK_RESULT_LABELS['not-done'].en },
  taskResult: (number, task, result, reason) => `${number}. ${capitalize(clause(task))} – ${result}${reason ? ` (${lowerFirst(clause(reason))})` : ''}.`,
  assessment: (networkKind, label, comment) => `Assessment of the ${kindOf(networkKind).short}’s work: ${label}${comment ? `; ${lowerFirst(clause(comment))}` : ''}.`,
  nextYearTitle: (period) => `Tasks for ${period}`,
  charts: { eventsByKind: 'Events by kind', participation: 'Participants by category', fulfilment: 'Plan fulfilment' },
  fulfilmentBars: { held: 'held', cancelled: 'cancelled', postponed: 'postponed', 'carried-over': 'carried over', 'not-held': 'not held', pending: 'to come' },
};
