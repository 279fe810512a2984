// Small helpers to draw the field app: elements are built with text nodes,
// never from HTML strings, so nothing a resident or a street name contains can
// run as markup. Wording comes from the locale file, embedded in the shell.

const strings = JSON.parse(document.getElementById('field-strings').textContent);
export const locale = document.getElementById('field-app').dataset.locale;
export const appVersion = document.getElementById('field-app').dataset.appVersion;

const plurals = new Intl.PluralRules(locale === 'en' ? 'en-GB' : 'nl-NL');

/**
 * Interface wording by dotted key, with {name} placeholders filled in; a
 * message of plural forms ({ one, other }) is chosen by the `count` parameter.
 */
export function t(key, params = {}) {
  let node = strings;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? node[part] : undefined;
  if (node && typeof node === 'object' && typeof node.other === 'string') node = node[typeof params.count === 'number' ? plurals.select(params.count) : 'other'] ?? node.other;
  if (typeof node !== 'string') return key;
  return node.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Instrument wording ({ nl, en }) in the interface language. */
export const say = (text) => (text ? text[locale] ?? text.nl : '');

/** h('button', { type: 'button', onclick }, 'Label', child…) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.className = value;
    else if (name === 'checked' || name === 'value') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function formatTime(iso) {
  return new Date(iso).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export const addressLabel = (address) => `${address.houseNumber}${address.addition ? ` ${address.addition}` : ''}`;
