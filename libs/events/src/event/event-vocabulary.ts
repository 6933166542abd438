import { LocalText } from '@app/kernel';

/*
 * The closed lists an event is described with, each with the words the department writes
 * (Ukrainian, Russian) and English. Reports group and print by them, so the lists are closed:
 * what fits none is `other`, with the topic saying what it was.
 */

/** What kind of event it is. */
export const EVENT_KINDS = [
  'seminar',
  'practice-oriented-seminar',
  'master-class',
  'conference',
  'research-practical-conference',
  'council-meeting',
  'open-door-day',
  'olympiad-stage',
  'contest',
  'forum',
  'round-table',
  'webinar',
  'consultation',
  'joint-methodological-meeting',
  'subject-week',
  'pedagogical-council',
  'open-lessons',
  'excursion',
  'course',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Readonly<Record<EventKind, LocalText>> = {
  seminar: { uk: 'семінар', ru: 'семинар', en: 'seminar' },
  'practice-oriented-seminar': { uk: 'практико-орієнтований семінар', ru: 'практико-ориентированный семинар', en: 'practice-oriented seminar' },
  'master-class': { uk: 'майстер-клас', ru: 'мастер-класс', en: 'master class' },
  conference: { uk: 'конференція', ru: 'конференция', en: 'conference' },
  'research-practical-conference': { uk: 'науково-практична конференція', ru: 'научно-практическая конференция', en: 'research-practical conference' },
  'council-meeting': { uk: 'засідання ради', ru: 'заседание совета', en: 'council meeting' },
  'open-door-day': { uk: 'день відкритих дверей', ru: 'день открытых дверей', en: 'open-door day' },
  'olympiad-stage': { uk: 'етап олімпіади', ru: 'этап олимпиады', en: 'olympiad stage' },
  contest: { uk: 'конкурс', ru: 'конкурс', en: 'contest' },
  forum: { uk: 'форум', ru: 'форум', en: 'forum' },
  'round-table': { uk: 'круглий стіл', ru: 'круглый стол', en: 'round table' },
  webinar: { uk: 'вебінар', ru: 'вебинар', en: 'webinar' },
  consultation: { uk: 'консультація', ru: 'консультация', en: 'consultation' },
  'joint-methodological-meeting': {
    uk: 'спільне засідання методичних об’єднань',
    ru: 'совместное заседание методических объединений',
    en: 'joint meeting of methodological associations',
  },
  'subject-week': { uk: 'предметний тиждень', ru: 'предметная неделя', en: 'subject week' },
  'pedagogical-council': { uk: 'педагогічна рада (консиліум)', ru: 'педагогический совет (консилиум)', en: 'pedagogical council (consilium)' },
  'open-lessons': { uk: 'відкриті уроки', ru: 'открытые уроки', en: 'open lessons' },
  excursion: { uk: 'екскурсія', ru: 'экскурсия', en: 'excursion' },
  course: { uk: 'курси', ru: 'курсы', en: 'course' },
  other: { uk: 'інше', ru: 'другое', en: 'other' },
};

/** How it is held: in person, online (on a platform, with a link), or both. */
export const EVENT_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export type EventFormatMode = (typeof EVENT_FORMATS)[number];

export const EVENT_FORMAT_LABELS: Readonly<Record<EventFormatMode, LocalText>> = {
  'in-person': { uk: 'очно', ru: 'очно', en: 'in person' },
  online: { uk: 'дистанційно', ru: 'дистанционно', en: 'online' },
  hybrid: { uk: 'змішано (очно й дистанційно)', ru: 'смешанно (очно и дистанционно)', en: 'hybrid' },
};

/** The level it is held at: the network's own, or the municipality's, the region's, the country's. */
export const EVENT_LEVELS = ['network', 'municipal', 'regional', 'national'] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];

export const EVENT_LEVEL_LABELS: Readonly<Record<EventLevel, LocalText>> = {
  network: { uk: 'окружний', ru: 'окружной', en: 'network' },
  municipal: { uk: 'муніципальний', ru: 'муниципальный', en: 'municipal' },
  regional: { uk: 'регіональний', ru: 'региональный', en: 'regional' },
  national: { uk: 'всеукраїнський', ru: 'всероссийский', en: 'national' },
};

/**
 * The kinds of people an event is for (its audience) and who took part (participation counts
 * are kept per category): "Участниками мероприятий являлись воспитанники детских садов,
 * обучающиеся, педагогические и руководящие работники".
 */
export const PARTICIPANT_CATEGORIES = ['pupils', 'preschoolers', 'teachers', 'heads', 'deputy-heads', 'parents', 'students', 'others'] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];
/** The audience is named in the same categories as participation. */
export const AUDIENCE_CATEGORIES = PARTICIPANT_CATEGORIES;
export type AudienceCategory = ParticipantCategory;

export const PARTICIPANT_CATEGORY_LABELS: Readonly<Record<ParticipantCategory, LocalText>> = {
  pupils: { uk: 'учні', ru: 'обучающиеся', en: 'pupils' },
  preschoolers: { uk: 'вихованці закладів дошкільної освіти', ru: 'воспитанники детских садов', en: 'preschoolers' },
  teachers: { uk: 'педагогічні працівники', ru: 'педагогические работники', en: 'teachers' },
  heads: { uk: 'керівники закладів освіти', ru: 'руководители образовательных организаций', en: 'heads of institutions' },
  'deputy-heads': { uk: 'заступники керівників', ru: 'заместители директоров', en: 'deputy heads' },
  parents: { uk: 'батьки', ru: 'родители', en: 'parents' },
  students: { uk: 'студенти', ru: 'студенты', en: 'students' },
  others: { uk: 'інші', ru: 'другие', en: 'others' },
};

/** What a person does in an event. The person is an id; the name is in the personal-data vault. */
export const EVENT_ROLES = ['responsible', 'organiser', 'speaker', 'open-lesson-teacher', 'moderator', 'jury-member', 'other'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

export const EVENT_ROLE_LABELS: Readonly<Record<EventRole, LocalText>> = {
  responsible: { uk: 'відповідальний', ru: 'ответственный', en: 'person responsible' },
  organiser: { uk: 'організатор', ru: 'организатор', en: 'organiser' },
  speaker: { uk: 'доповідач', ru: 'докладчик', en: 'speaker' },
  'open-lesson-teacher': { uk: 'учитель, що проводить відкритий урок', ru: 'учитель, проводящий открытый урок', en: 'teacher giving an open lesson' },
  moderator: { uk: 'модератор', ru: 'модератор', en: 'moderator' },
  'jury-member': { uk: 'член журі', ru: 'член жюри', en: 'jury member' },
  other: { uk: 'інша роль', ru: 'другая роль', en: 'other role' },
};

/** Where an event is in its life. */
export const EVENT_STATUSES = ['planned', 'postponed', 'held', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_STATUS_LABELS: Readonly<Record<EventStatus, LocalText>> = {
  planned: { uk: 'заплановано', ru: 'запланировано', en: 'planned' },
  postponed: { uk: 'перенесено', ru: 'перенесено', en: 'postponed' },
  held: { uk: 'проведено', ru: 'проведено', en: 'held' },
  cancelled: { uk: 'скасовано', ru: 'отменено', en: 'cancelled' },
};
