// Who may call the IPC handlers: only the main frame of the app's own window, showing a page of the app's origin.
// Pure, so the rule is tested without Electron; main.ts and the e2e bridge both describe the caller as a SenderInfo.

/** The caller of an IPC request, as the transport saw it. */
export interface SenderInfo {
  /** Id of the web contents that sent it. */
  webContentsId: number;
  /** URL of the frame that sent it. */
  frameUrl: string;
  /** Whether that frame is its window's top frame (not an iframe). */
  isMainFrame: boolean;
}

/** The window the handlers serve and the origin its pages come from (e.g. app://voiceclone). */
export interface TrustedWindow {
  webContentsId: number;
  origin: string;
}

/** Scheme and host of a URL; compared directly because custom schemes have an opaque WHATWG origin. */
function schemeAndHost(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export function isTrustedSender(sender: SenderInfo, trusted: TrustedWindow): boolean {
  const origin = schemeAndHost(sender.frameUrl);
  return (
    sender.isMainFrame &&
    sender.webContentsId === trusted.webContentsId &&
    origin !== null &&
    origin === schemeAndHost(trusted.origin)
  );
}
