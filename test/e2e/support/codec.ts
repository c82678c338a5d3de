// JSON with bytes: how the e2e bridge carries Uint8Array payloads through Playwright's JSON-only bindings
// (Electron's IPC clones them natively). Runs both in Node and in the page.

interface Bytes {
  $bytes: string;
}

function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encode(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? ({ $bytes: toBase64(v) } satisfies Bytes) : v));
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) =>
    typeof v === 'object' && v !== null && typeof (v as Bytes).$bytes === 'string' ? fromBase64((v as Bytes).$bytes) : v,
  );
}
