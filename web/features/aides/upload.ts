/** A chosen file as the API takes it: its content in base64 (without the data: prefix), name and type. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export async function toUpload(kind: string, file: File): Promise<{ kind: string; name: string; mimeType: string; base64: string }> {
  return { kind, name: file.name, mimeType: file.type, base64: await readAsBase64(file) };
}
