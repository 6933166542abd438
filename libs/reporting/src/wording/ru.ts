import { EVENT_KIND_LABELS } from '@app/events';
import { TASK_RESULT_LABELS } from '@app/planning';
import { slavic } from './plural';
import { capitalize, clause, endSentence, listOf, lowerFirst } from './text';
import type { ChangeWording, NetworkKindWords, Wording } from './wording';

/** The kinds of network in words; the short noun is what a text calls it ("в состав округа"). */
const KINDS: Record<string, NetworkKindWords> = {
  'educational-district': { label: 'образовательный округ', genitive: 'образовательного округа', short: 'округ', shortGenitive: 'округа' },
  'council-of-heads': { label: 'совет руководителей', genitive: 'совета руководителей', short: 'совет', shortGenitive: 'совета' },
  partnership: { label: 'сетевое взаимодействие', genitive: 'сетевого взаимодействия', short: 'сеть', shortGenitive: 'сети' },
  other: { label: 'сетевое объединение', genitive: 'сетевого объединения', short: 'объединение', shortGenitive: 'объединения' },
};
const kindOf = (kind: string): NetworkKindWords => KINDS[kind] ?? KINDS.other;

/** The nouns a network's name is built on, and their genitive. */
const NOUNS: Record<string, string> = {
  округ: 'округа',
  совет: 'совета',
  сеть: 'сети',
  объединение: 'объединения',
  центр: 'центра',
  кластер: 'кластера',
  ассоциация: 'ассоциации',
  партнерство: 'партнерства',
  партнёрство: 'партнёрства',
};
/** Words a name begins with that are not part of a proper name: written in lower case inside a sentence ("о работе школьного округа № 3"). */
const COMMON = new Set(['школьный', 'образовательный', 'методический', 'сетевой', 'ресурсный', 'опорный', 'базовый', 'межшкольный', 'окружной', ...Object.keys(NOUNS)]);

/** The genitive of an adjective by its ending (masculine, feminine, neuter); null for a word that is not one. */
const adjectiveGenitive = (word: string): string | null => {
  const w = word.toLocaleLowerCase();
  const stem = word.slice(0, -2);
  if (/(ый|ой)$/.test(w) || /[кгх]ий$/.test(w)) return `${stem}ого`;
  if (/ий$/.test(w)) return `${stem}его`;
  if (/[жшчщ]ая$/.test(w) || /яя$/.test(w)) return `${stem}ей`;
  if (/ая$/.test(w)) return `${stem}ой`;
  if (/ое$/.test(w)) return `${stem}ого`;
  if (/ее$/.test(w)) return `${stem}его`;
  return null;
};

/**
 * A network's name in the genitive, as "о работе …" needs it: a name made of adjectives and the
 * noun of a network ("Школьный округ № 3", "Центральный образовательный округ") is inflected
 * ("школьного округа № 3", "Центрального образовательного округа"); any other name is given
 * whole, in quotes, after its kind ("сетевого объединения «ЦРО Ремонтненского района»").
 */
const networkGenitive = (name: string, kind: string): string => {
  const words = name.trim().split(/\s+/);
  const nounAt = words.findIndex((w) => NOUNS[w.toLocaleLowerCase()] !== undefined);
  if (nounAt >= 0 && nounAt <= 3) {
    const adjectives = words.slice(0, nounAt).map(adjectiveGenitive);
    if (adjectives.every((a): a is string => a !== null)) {
      const noun = words[nounAt];
      const genitive = NOUNS[noun.toLocaleLowerCase()];
      const out = [...adjectives, noun === noun.toLocaleLowerCase() ? genitive : capitalize(genitive), ...words.slice(nounAt + 1)];
      if (COMMON.has(words[0].toLocaleLowerCase())) out[0] = out[0].charAt(0).toLocaleLowerCase() + out[0].slice(1);
      return out.join(' ');
    }
  }
  return `${kindOf(kind).genitive} «${name}»`;
};

const SCHOOLS = new Set(['general-school', 'gymnasium', 'lyceum', 'educational-complex']);

const change = (networkKind: string, c: ChangeWording): string => {
  const g = kindOf(networkKind).shortGenitive;
  const names = c.names.join(', ');
  const several = c.names.length > 1;
  const enters = several ? 'входят' : 'входит';
  const asPartner = c.role === 'partner' ? (several ? ' на правах партнеров' : ' на правах партнера') : '';
  const joins = `С ${c.on} в состав ${g} ${enters} ${names}${asPartner}`;
  const leaves = `С ${c.on} ${names} не ${enters} в состав ${g}`;
  switch (c.change) {
    case 'admitted':
      return joins;
    case 'left':
      return leaves;
    case 'transferred-in':
      return `${joins} (переход из ${c.otherNetwork})`;
    case 'transferred-out':
      return `${leaves} (переход в состав ${c.otherNetwork})`;
    case 'merged':
      return c.direction === 'in' ? `${joins} (в результате присоединения ${c.otherNetwork})` : `${leaves} (в результате объединения, в состав ${c.otherNetwork})`;
    case 'split':
      return c.direction === 'in' ? `${joins} (в результате выделения из ${c.otherNetwork})` : `${leaves} (в результате выделения ${c.otherNetwork})`;
    case 'role-changed': {
      const as = c.role === 'partner' ? (several ? 'на правах партнеров' : 'на правах партнера') : several ? 'как участники' : 'как участник';
      return `С ${c.on} ${names} ${several ? 'участвуют' : 'участвует'} в работе ${g} ${as}`;
    }
    case 'anchor-set':
      return `С ${c.on} ${c.role} ${g} – ${names}`;
    case 'head-appointed': {
      const head = c.head!;
      const position = lowerFirst(clause(head.position));
      if (head.name) return `С ${c.on} ${kindOf(networkKind).short} возглавляет ${head.name} (${position})`;
      return `С ${c.on} назначен руководитель ${g} (${position})${head.erased ? '; его персональные данные удалены по запросу' : ''}`;
    }
    case 'renamed':
      return `С ${c.on} ${kindOf(networkKind).short} называется «${c.newName}»`;
    default:
      return `С ${c.on}: ${names}`;
  }
};

export const ru: Wording = {
  language: 'ru',
  quote: (text) => `«${text}»`,
  networkKind: kindOf,
  networkGenitive,
  labels: (networkKind) => {
    const g = kindOf(networkKind).shortGenitive;
    return {
      anchor: 'Базовая образовательная организация',
      composition: `Состав ${g}`,
      changes: `Изменения в составе ${g}`,
      theme: 'Методическая тема',
      goal: 'Цель деятельности',
      tasks: 'Задачи',
      activityKinds: 'Виды деятельности',
      projects: 'Сетевые проекты',
      agreements: 'Договоры о взаимодействии',
      eventsHeld: 'Проведенные мероприятия',
      notHeld: 'Запланированные, но не проведенные мероприятия',
      participation: 'Участники мероприятий',
      eventsByKind: 'Мероприятия по видам',
      outside: `Сотрудничество с организациями, не входящими в состав ${g}`,
      publications: `Освещение работы ${g}`,
      taskResults: 'Выполнение задач',
      conclusions: 'Вывод',
      assessment: 'Оценка работы',
      problems: 'Проблемы',
      nextYear: 'Задачи на следующий год',
      signature: `Руководитель ${g}`,
    };
  },
  title: (network, period) => `Отчет о работе ${network} за ${period}`,
  anchorRole: (institutionKind) => (SCHOOLS.has(institutionKind) ? 'базовая школа' : 'базовая образовательная организация'),
  memberRole: (role) => (role === 'partner' ? 'партнер' : 'участник'),
  composition: (networkKind, members, partners) => {
    const g = kindOf(networkKind).shortGenitive;
    if (!members.length && !partners.length) return '';
    if (!members.length) return endSentence(`Партнеры ${g}: ${partners.join(', ')}`);
    return endSentence(`Состав ${g}: ${members.join(', ')}${partners.length ? `; партнеры: ${partners.join(', ')}` : ''}`);
  },
  change,
  eventKinds: {
    seminar: slavic('семинар', 'семинара', 'семинаров'),
    'practice-oriented-seminar': slavic('практико-ориентированный семинар', 'практико-ориентированных семинара', 'практико-ориентированных семинаров'),
    'master-class': slavic('мастер-класс', 'мастер-класса', 'мастер-классов'),
    conference: slavic('конференция', 'конференции', 'конференций'),
    'research-practical-conference': slavic('научно-практическая конференция', 'научно-практические конференции', 'научно-практических конференций'),
    'council-meeting': slavic('заседание совета', 'заседания совета', 'заседаний совета'),
    'open-door-day': slavic('день открытых дверей', 'дня открытых дверей', 'дней открытых дверей'),
    'olympiad-stage': slavic('этап олимпиады', 'этапа олимпиады', 'этапов олимпиады'),
    contest: slavic('конкурс', 'конкурса', 'конкурсов'),
    forum: slavic('форум', 'форума', 'форумов'),
    'round-table': slavic('круглый стол', 'круглых стола', 'круглых столов'),
    webinar: slavic('вебинар', 'вебинара', 'вебинаров'),
    consultation: slavic('консультация', 'консультации', 'консультаций'),
    'joint-methodological-meeting': slavic(
      'совместное заседание методических объединений',
      'совместных заседания методических объединений',
      'совместных заседаний методических объединений',
    ),
    'subject-week': slavic('предметная неделя', 'предметные недели', 'предметных недель'),
    'pedagogical-council': slavic('педагогический совет (консилиум)', 'педагогических совета (консилиума)', 'педагогических советов (консилиумов)'),
    'open-lessons': slavic('открытый урок', 'открытых урока', 'открытых уроков'),
    excursion: slavic('экскурсия', 'экскурсии', 'экскурсий'),
    course: slavic('курс', 'курса', 'курсов'),
    other: slavic('другое мероприятие', 'других мероприятия', 'других мероприятий'),
  },
  categories: {
    pupils: slavic('обучающийся', 'обучающихся', 'обучающихся'),
    preschoolers: slavic('воспитанник детского сада', 'воспитанника детских садов', 'воспитанников детских садов'),
    teachers: slavic('педагогический работник', 'педагогических работника', 'педагогических работников'),
    heads: slavic('руководитель образовательной организации', 'руководителя образовательных организаций', 'руководителей образовательных организаций'),
    'deputy-heads': slavic('заместитель директора', 'заместителя директора', 'заместителей директоров'),
    parents: slavic('родитель', 'родителя', 'родителей'),
    students: slavic('студент', 'студента', 'студентов'),
    others: slavic('другой участник', 'других участника', 'других участников'),
  },
  eventKind: (kind) => capitalize(EVENT_KIND_LABELS[kind].ru),
  format: (mode, platform) => {
    const on = platform ? `, платформа ${platform}` : '';
    if (mode === 'online') return `дистанционно${on}`;
    if (mode === 'hybrid') return `очно и дистанционно${on}`;
    return 'очно';
  },
  forWhom: 'для',
  audience: (categories, networks) => {
    if (categories.length && networks.length) return `для ${listOf(categories, 'и')} ${listOf(networks, 'и')}`;
    if (categories.length || networks.length) return `для ${listOf([...categories, ...networks], 'и')}`;
    return '';
  },
  hosts: (names) => (names.length > 1 ? `базы проведения – ${names.join(', ')}` : `база проведения – ${names[0]}`),
  outsideMark: (networkKind) => `не входит в состав ${kindOf(networkKind).shortGenitive}`,
  participants: (parts) => `Участники – ${parts.join(', ')}.`,
  outcome: (text) => `Результат: ${lowerFirst(clause(text))}.`,
  itemStatus: (status) => ({ cancelled: 'отменено', postponed: 'перенесено', 'carried-over': 'перенесено на следующий год', 'not-held': 'не проведено' })[status],
  notHeld: (line, status, reason) => `${line}: ${status}${reason ? ` – ${lowerFirst(clause(reason))}` : ''}.`,
  outside: (name, hosted, tookPart) =>
    `${name}: ${[hosted.length ? `база проведения – ${hosted.join(', ')}` : '', tookPart.length ? `участие – ${tookPart.join(', ')}` : ''].filter(Boolean).join('; ')}.`,
  publication: (title, url) => (title ? `${clause(title)} – ${url}` : url),
  project: (name, goal, partners, events) =>
    endSentence(
      [`Проект «${name}»`, goal ? `цель – ${lowerFirst(clause(goal))}` : '', partners.length ? `партнеры – ${partners.join(', ')}` : '', events.length ? `мероприятия – ${events.join(', ')}` : '']
        .filter(Boolean)
        .join('; '),
    ),
  agreement: (a) =>
    endSentence(
      [
        `Договор${a.number ? ` № ${a.number}` : ''}${a.signedOn ? ` от ${a.signedOn}` : ''} «${clause(a.subject)}»`,
        a.parties.length ? `стороны – ${a.parties.join(', ')}` : '',
        a.validUntil ? `срок действия – до ${a.validUntil}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    ),
  taskResults: { done: TASK_RESULT_LABELS.done.ru, 'partly-done': TASK_RESULT_LABELS['partly-done'].ru, 'not-done': TASK_RESULT_LABELS['not-done'].ru },
  taskResult: (number, task, result, reason) => `${number}. ${capitalize(clause(task))} – ${result}${reason ? ` (${lowerFirst(clause(reason))})` : ''}.`,
  assessment: (networkKind, label, comment) => `Оценка работы ${kindOf(networkKind).shortGenitive}: ${label}${comment ? `, ${lowerFirst(clause(comment))}` : ''}.`,
  nextYearTitle: (period) => `Задачи на ${period}`,
  charts: { eventsByKind: 'Мероприятия по видам', participation: 'Участники по категориям', fulfilment: 'Выполнение плана' },
  fulfilmentBars: { held: 'проведено', cancelled: 'отменено', postponed: 'перенесено', 'carried-over': 'перенесено на следующий год', 'not-held': 'не проведено', pending: 'предстоит' },
};
