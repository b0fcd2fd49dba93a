import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

interface QrCodeProps {
  /** The URL encoded in the code. */
  value: string;
  /** Text alternative: say where the code leads. */
  alt: string;
  size?: number;
  className?: string;
}

/** A QR code rendered as an image (data URL) with its text alternative. */
export function QrCode({ value, alt, size = 256, className }: QrCodeProps) {
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(value, { width: size, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => !cancelled && setSrc(url))
      .catch(() => !cancelled && setSrc(null));
    return () => {
      cancelled = true;
    };
  }, [value, size]);

  if (!src) return null;
  return <img className={['qr', className].filter(Boolean).join(' ')} src={src} alt={alt} width={size} height={size} />;
}
