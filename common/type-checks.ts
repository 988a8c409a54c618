/** True when A and B are the same type; a `const x: Exact<A, B> = true` fails the typecheck on drift. */
export type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
