import { defineRule } from "../define-rule";

export const MAX_IDENTIFIER_LENGTH = 50;
const FORBIDDEN = /[%:()\\/=$,;[\]{}]/;
/** Names Connect refuses because they collide with JavaScript object internals. */
export const RESERVED_IDENTIFIERS = [
  "__proto__",
  "constructor",
  "__defineGetter__",
  "__defineSetter__",
  "toString",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "valueOf",
];

export const rule = defineRule({
  id: "identifier-format",
  meta: {
    description: `Identifiers are unique, 1-${MAX_IDENTIFIER_LENGTH} characters, without % : ( \\ / ) = $ , ; [ ] { } and not a reserved name (spaces and unicode are fine).`,
    messages: {
      empty: "Identifier must not be empty",
      duplicate: 'Identifier "{{id}}" is also used by {{other}}',
      tooLong: `Identifier "{{id}}" has {{length}} characters; at most ${MAX_IDENTIFIER_LENGTH} are allowed`,
      forbiddenChar:
        'Identifier "{{id}}" contains "{{char}}"; % : ( \\ / ) = $ , ; [ ] {{braces}} are not allowed',
      reserved: 'Identifier "{{id}}" is a reserved name; pick another',
    },
  },
  check({ actions, report }) {
    const firstSeen = new Map<string, string>();
    for (const a of actions) {
      const id = a.identifier;
      if (id === undefined) continue;
      const path = `${a.path}.Identifier`;
      if (id.length === 0) report({ messageId: "empty", path });
      if ([...id].length > MAX_IDENTIFIER_LENGTH)
        report({ messageId: "tooLong", data: { id, length: [...id].length }, path, action: id });
      const bad = FORBIDDEN.exec(id);
      if (bad)
        report({ messageId: "forbiddenChar", data: { id, char: bad[0], braces: "{ }" }, path, action: id });
      if (RESERVED_IDENTIFIERS.includes(id))
        report({ messageId: "reserved", data: { id }, path, action: id });
      const other = firstSeen.get(id);
      if (other === undefined) firstSeen.set(id, a.path);
      else report({ messageId: "duplicate", data: { id, other }, path, action: id });
    }
  },
});
