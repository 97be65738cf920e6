import { gunzipSync } from 'node:zlib';

/** The boot script in a RunInstances request, unpacked when cloud-init would unpack it. */
export function userDataScript(userDataBase64: string): string {
  let bytes = Buffer.from(userDataBase64, 'base64');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString('utf8');
}

/** The secrets the boot script makes and stores (`cws_service_secret <name>`). */
export function serviceSecretsOf(script: string): string[] {
  return [...script.matchAll(/^cws_service_secret ([a-z][a-z-]*)$/gm)].map((match) => match[1] ?? '');
}

/** The stages the boot script announces (`cws_mark <stage>`, `cws_part <stage>`), so the demo can replay them. */
export function progressStagesOf(script: string): string[] {
  const stages: string[] = [];
  for (const match of script.matchAll(/^\s*cws_(?:mark|part)\s+([a-z0-9][a-z0-9_-]*)/gm)) {
    const stage = match[1];
    if (stage && !stages.includes(stage)) stages.push(stage);
  }
  return stages;
}
