/**
 * Chart labels that are never cut off: a long label is broken over lines at
 * its spaces (the chart specs split it at "\n"); the text alternative and the
 * tables beside the chart keep the whole label on one line.
 */
export function wrapLabel(label: string, maxCharacters: number): string {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxCharacters) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}
