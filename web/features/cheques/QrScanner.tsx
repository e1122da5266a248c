/**
 * Reads a QR code with the device's camera where the browser can (BarcodeDetector: Chrome on
 * Android, ChromeOS, macOS; Safari on iOS 17+ behind a flag); elsewhere the cashier types the
 * code, which the page always allows. No library: nothing to download, works offline.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../app/i18n';
import { Alert, Button } from '../../ui';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

function detectorClass(): DetectorClass | null {
  const w = window as unknown as { BarcodeDetector?: DetectorClass };
  return w.BarcodeDetector && typeof navigator.mediaDevices?.getUserMedia === 'function' ? w.BarcodeDetector : null;
}

export function QrScanner({ label, onCode }: { label: string; onCode: (text: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!detectorClass()) return <p className="muted">{t('cheques.scanUnavailable')}</p>;
  return (
    <div className="stack">
      {open ? (
        <Camera
          onCode={(text) => {
            setOpen(false);
            onCode(text);
          }}
          onProblem={() => {
            setOpen(false);
            setProblem(t('cheques.scanDenied'));
          }}
          onClose={() => setOpen(false)}
        />
      ) : (
        <Button
          variant="secondary"
          onPress={() => {
            setProblem(null);
            setOpen(true);
          }}
        >
          {label}
        </Button>
      )}
      {problem ? (
        <Alert tone="warning" live>
          {problem}
        </Alert>
      ) : null}
    </div>
  );
}

function Camera({ onCode, onProblem, onClose }: { onCode: (text: string) => void; onProblem: () => void; onClose: () => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  // The latest callbacks, read by the loop that started with the first render.
  const handlers = useRef({ onCode, onProblem });
  handlers.current = { onCode, onProblem };
  useEffect(() => {
    const Detector = detectorClass()!;
    const detector = new Detector({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: number | undefined;
    const look = async (v: HTMLVideoElement) => {
      if (stopped) return;
      try {
        const text = (await detector.detect(v))[0]?.rawValue;
        if (text && !stopped) return handlers.current.onCode(text);
      } catch {
        /* a frame the detector could not read: the next one */
      }
      timer = window.setTimeout(() => look(v), 250);
    };
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        const v = video.current;
        if (stopped || !v) return stream.getTracks().forEach((track) => track.stop());
        v.srcObject = stream;
        await v.play();
        await look(v);
      } catch {
        if (!stopped) handlers.current.onProblem();
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  return (
    <div className="cheques-camera stack">
      <video ref={video} muted playsInline aria-label={t('cheques.scanVideo')} />
      <Button variant="secondary" onPress={onClose}>
        {t('cheques.scanStop')}
      </Button>
    </div>
  );
}
