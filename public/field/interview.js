// The interview, screen by screen, drawn from the instrument files in the
// day's bundle (no question wording lives here). Every answer is written to
// the draft on the device at once, so an interview cut off by a flat battery
// resumes on the screen where it stopped. The answer document it builds is the
// one the server checks (src/domain/answer-document.ts).
import { appVersion, h, say, t } from './dom.js';
import { enqueue, newId, putOne } from './store.js';

const key = (instrument) => `${instrument.id}@${instrument.version}`;

/**
 * Skip logic, as the server applies it (src/domain/asked-when.ts): a choice
 * item with `askedWhen` is asked only when the item it names was answered with
 * one of its values.
 */
function isAsked(item, answers) {
  if (!item.askedWhen) return true;
  const answer = answers[item.askedWhen.item]?.answer;
  return typeof answer === 'number' && item.askedWhen.values.includes(answer);
}

/** Forgets the answers to questions that are no longer asked (the "yes" that asked them was changed). */
function dropNotAsked(instrument, answers) {
  for (const item of instrument.items) if (!isAsked(item, answers)) delete answers[item.id];
}

/** The screens of the study's instruments, in order, then consent and the end. */
export function buildScreens(instruments) {
  const screens = [];
  for (const instrument of instruments) {
    screens.push({ type: 'intro', instrument });
    let choices = null;
    for (const item of instrument.items) {
      if (item.kind === 'choice') {
        if (!choices || choices.block !== item.block) {
          choices = { type: 'choices', instrument, block: item.block, items: [] };
          screens.push(choices);
        }
        choices.items.push(item);
        continue;
      }
      choices = null;
      screens.push({ type: item.kind, instrument, item });
    }
  }
  const consentFrom = instruments.find((instrument) => instrument.followUpConsent);
  if (consentFrom) screens.push({ type: 'consent', instrument: consentFrom });
  screens.push({ type: 'end' });
  return screens;
}

/** The ratings one item is answered with on screen, with their options (mirrors expectedRatings on the server). */
function questionsOf(item, instrument) {
  const scale = (id) => instrument.scales[id];
  const options = (id) => [...scale(id).points.map((point) => ({ value: point.value, label: say(point.label) })), { value: null, label: say(scale(id).dontKnow) }];
  const rungs = () => [...(instrument.rungs ?? [])].reverse().map((rung) => ({ value: rung.rung, label: `${rung.rung}. ${say(rung.label)}` }));
  switch (item.kind) {
    case 'paired': {
      const list = [{ rating: 'actual', legend: t('field.actual'), options: options(item.scale) }, { rating: 'desired', legend: t('field.desired'), options: options(item.scale) }];
      if (instrument.importance === 'item') list.push({ rating: 'importance', legend: t('field.importance'), options: options(instrument.importanceScale) });
      return list;
    }
    case 'contribution':
      return [{ rating: 'now', legend: t('field.now'), options: options(item.nowScale) }, { rating: 'willing', legend: t('field.willing'), options: options(item.willingScale) }];
    case 'choice':
      return [{ rating: 'answer', legend: say(item.wording), options: options(item.scale) }];
    case 'rung': {
      const dontKnow = { value: null, label: t('field.dontKnowShort') };
      return [{ rating: 'current', legend: t('field.currentRung'), options: [...rungs(), dontKnow], ladder: true }, { rating: 'desired', legend: t('field.desiredRung'), options: [...rungs(), dontKnow], ladder: true }];
    }
    case 'rung-checklist': {
      const yesNo = [{ value: 1, label: t('field.yes') }, { value: 0, label: t('field.no') }, { value: null, label: t('field.dontKnowShort') }];
      return instrument.rungs.flatMap((rung) => [
        { rating: `now-${rung.rung}`, legend: `${rung.rung}. ${say(rung.label)} — ${t('field.appliesNow')}`, options: yesNo, compact: true },
        { rating: `wanted-${rung.rung}`, legend: t('field.wanted'), options: yesNo, compact: true },
      ]);
    }
    default:
      return [];
  }
}

function scaleQuestion(draft, instrument, item, question, save, onAnswer = () => {}) {
  const answers = (draft.answers[key(instrument)] ??= {});
  const current = answers[item.id]?.[question.rating];
  const name = `${key(instrument)}|${item.id}|${question.rating}`;
  return h('fieldset', { className: `question${question.compact ? ' compact' : ''}${question.ladder ? ' ladder' : ''}`, 'data-rating': question.rating, 'data-item': item.id, hidden: !isAsked(item, answers) },
    h('legend', {}, question.legend),
    h('div', { className: 'options' }, question.options.map((option, index) => {
      const id = `${name}|${index}`;
      return h('label', { className: 'option', for: id },
        h('input', {
          type: 'radio', id, name, checked: current !== undefined && current === option.value,
          onchange: (event) => {
            (answers[item.id] ??= {})[question.rating] = option.value;
            const fieldset = event.target.closest('fieldset');
            fieldset?.classList.remove('missing');
            fieldset?.removeAttribute('aria-invalid');
            onAnswer();
            save();
          },
        }),
        h('span', {}, option.label));
    })));
}

function textQuestion(draft, instrument, item, save) {
  const comments = (draft.comments[key(instrument)] ??= {});
  return h('div', { className: 'question' },
    h('label', { for: `text-${item.id}` }, say(item.wording)),
    item.help ? h('p', { className: 'help' }, say(item.help)) : null,
    h('textarea', { id: `text-${item.id}`, maxlength: item.maxLength, rows: 5, oninput: (event) => { comments[item.id] = event.target.value; save(); } }, comments[item.id] ?? ''));
}

function consentQuestion(draft, instrument, save) {
  const consent = (draft.consent ??= { given: null, name: '', phone: '', email: '' });
  const input = (field, type) => h('label', { className: 'consent-field' }, t(`field.${field}`),
    h('input', { type, value: consent[field], autocomplete: 'off', oninput: (event) => { consent[field] = event.target.value; save(); } }));
  const choice = (given, label) => h('label', { className: 'option' },
    h('input', { type: 'radio', name: 'consent', checked: consent.given === given, onchange: () => { consent.given = given; save(); } }), h('span', {}, label));
  return h('fieldset', { className: 'question consent' }, h('legend', {}, say(instrument.followUpConsent)),
    h('div', { className: 'options' }, choice(true, t('field.consentYes')), choice(false, t('field.consentNo'))),
    input('name', 'text'), input('phone', 'tel'), input('email', 'email'));
}

/**
 * What is missing on this screen before the interviewer may go on: the
 * unanswered questions as [item id, rating] (a free text as [item id, 'text']),
 * or ['consent'] on the consent screen; empty when nothing is.
 */
function missingOn(screen, draft) {
  if (screen.type === 'consent') {
    const consent = draft.consent;
    return !consent || consent.given === null || (consent.given && !consent.name.trim()) ? [['consent']] : [];
  }
  if (!screen.instrument || screen.type === 'intro') return [];
  const items = screen.items ?? [screen.item];
  const answers = draft.answers[key(screen.instrument)] ?? {};
  return items.flatMap((item) => {
    if (!item.required || !isAsked(item, answers)) return [];
    if (item.kind === 'text') return (draft.comments[key(screen.instrument)]?.[item.id] ?? '').trim() ? [] : [[item.id, 'text']];
    return questionsOf(item, screen.instrument).filter((question) => answers[item.id]?.[question.rating] === undefined).map((question) => [item.id, question.rating]);
  });
}

/** The records an interview leaves: one interview per instrument, and the visit where it was held. */
function recordsOf(draft, instruments) {
  const endedAt = new Date().toISOString();
  const consent = draft.consent?.given ? { name: draft.consent.name.trim(), phone: draft.consent.phone.trim(), email: draft.consent.email.trim() } : undefined;
  const consentFrom = instruments.find((instrument) => instrument.followUpConsent);
  const interviews = instruments.map((instrument) => ({
    kind: 'interview', id: newId(), studyId: draft.studyId, addressId: draft.addressId,
    instrumentId: instrument.id, instrumentVersion: instrument.version, startedAt: draft.startedAt, endedAt, appVersion,
    answers: (() => { const answers = { ...(draft.answers[key(instrument)] ?? {}) }; dropNotAsked(instrument, answers); return answers; })(),
    comments: Object.fromEntries(Object.entries(draft.comments[key(instrument)] ?? {}).filter(([, body]) => body.trim())),
    ...(consent && instrument === consentFrom ? { followUp: consent } : {}),
  }));
  const visit = { kind: 'visit', id: newId(), studyId: draft.studyId, addressId: draft.addressId, visitedAt: draft.startedAt, outcome: 'interview' };
  return [visit, ...interviews];
}

export function newDraft(address, study) {
  return { addressId: address.id, studyId: study.id, startedAt: new Date().toISOString(), screen: 0, answers: {}, comments: {}, consent: null };
}

/**
 * Shows what is missing where it is: every unanswered question marked, the
 * message at the first one, that question scrolled to the middle of the
 * screen (never under the sticky buttons) and its first option focused, so a
 * screen reader reads the message and the question (role="alert").
 */
function showMissing(container, missing, error, message) {
  const fieldsets = missing.map(([itemId, rating]) => (itemId === 'consent'
    ? container.querySelector('.consent')
    : rating === 'text' ? container.querySelector(`#text-${CSS.escape(itemId)}`)?.closest('.question')
      : container.querySelector(`fieldset[data-item="${CSS.escape(itemId)}"][data-rating="${CSS.escape(rating)}"]`))).filter(Boolean);
  for (const fieldset of fieldsets) {
    fieldset.classList.add('missing');
    fieldset.setAttribute('aria-invalid', 'true');
  }
  error.textContent = message;
  error.hidden = false;
  const first = fieldsets[0];
  if (first) {
    first.insertBefore(error, first.querySelector('.options, textarea, .consent-field') ?? null);
    first.scrollIntoView({ block: 'center' });
    first.querySelector('input, textarea')?.focus({ preventScroll: true });
  } else {
    error.scrollIntoView({ block: 'center' });
  }
}

/** Draws the interview's current screen into `container`; `onDone` runs when it is stored on the device or interrupted. */
export function runInterview(container, { draft, instruments, title, onDone }) {
  const screens = buildScreens(instruments);
  const save = () => putOne('drafts', draft);

  /** After an answer on a screen with skip logic: shows the questions now asked, hides and forgets the others. */
  function showAsked(screen) {
    const answers = draft.answers[key(screen.instrument)] ?? {};
    dropNotAsked(screen.instrument, answers);
    for (const item of screen.items ?? []) {
      for (const fieldset of container.querySelectorAll(`fieldset[data-item="${item.id}"]`)) {
        const asked = isAsked(item, answers);
        if (fieldset.hidden === asked) fieldset.hidden = !asked;
        if (!asked) for (const input of fieldset.querySelectorAll('input')) input.checked = false;
      }
    }
  }

  function draw() {
    const screen = screens[Math.min(draft.screen, screens.length - 1)];
    const body = [];
    if (screen.type === 'intro') body.push(h('h2', {}, say(screen.instrument.title)), h('p', {}, say(screen.instrument.intro)));
    else if (screen.type === 'consent') body.push(consentQuestion(draft, screen.instrument, save));
    else if (screen.type === 'end') body.push(h('p', {}, t('field.finish')));
    else {
      const block = screen.instrument.blocks.find((candidate) => candidate.id === (screen.block ?? screen.item.block));
      body.push(h('p', { className: 'block-title' }, say(block?.title)));
      for (const item of screen.items ?? [screen.item]) {
        if (item.kind === 'text') { body.push(textQuestion(draft, screen.instrument, item, save)); continue; }
        if (item.kind !== 'choice') body.push(h('h2', { className: 'item-wording' }, say(item.wording)), item.help ? h('p', { className: 'help' }, say(item.help)) : null);
        for (const question of questionsOf(item, screen.instrument)) body.push(scaleQuestion(draft, screen.instrument, item, question, save, () => showAsked(screen)));
      }
    }
    const error = h('p', { className: 'field-error', role: 'alert', hidden: true }, t('field.requiredAnswer'));
    const isLast = draft.screen >= screens.length - 1;
    const next = async () => {
      const missing = missingOn(screen, draft);
      if (missing.length > 0) {
        showMissing(container, missing, error, screen.type === 'consent' ? t('field.consentNameMissing') : t('field.requiredAnswer'));
        return;
      }
      if (isLast) {
        await enqueue(recordsOf(draft, instruments), { finishedDraftOf: draft.addressId });
        onDone('finished');
        return;
      }
      draft.screen += 1;
      await save();
      draw();
    };
    const back = async () => { draft.screen = Math.max(0, draft.screen - 1); await save(); draw(); };
    container.replaceChildren(
      h('div', { className: 'interview-header' }, h('h1', { tabindex: '-1' }, title), h('span', { className: 'muted' }, t('field.screenOf', { n: draft.screen + 1, total: screens.length }))),
      h('form', { className: 'interview-screen', onsubmit: (event) => { event.preventDefault(); void next(); } },
        ...body, error,
        h('div', { className: 'interview-actions' },
          h('button', { type: 'button', onclick: back, disabled: draft.screen === 0 }, t('field.back')),
          h('button', { type: 'button', onclick: async () => { await save(); onDone('interrupted'); } }, t('field.stopInterview')),
          h('button', { type: 'submit', className: 'primary' }, isLast ? t('field.finish') : t('field.next')))),
    );
    // Every new screen: focus on its heading, so a screen reader announces where the interviewer is.
    container.querySelector('h1')?.focus?.();
  }
  draw();
}
