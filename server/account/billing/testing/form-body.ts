/*
 * Stripe's request bodies are application/x-www-form-urlencoded with bracketed keys
 * (`metadata[userId]=…`, `line_items[0][price]=…`): this turns one into the nested object it encodes.
 */

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

export function parseStripeForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part, i, parts) => part !== "" || i < parts.length - 1);
    let node: FormObject | FormValue[] = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const slot = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, FormValue>;
      if (last) {
        container[slot] = value;
        return;
      }
      container[slot] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
      node = container[slot] as FormObject | FormValue[];
    });
  }
  return root;
}
