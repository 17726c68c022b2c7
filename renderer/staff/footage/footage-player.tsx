import { useEffect, useRef, useState, type ReactNode } from 'react';
import { BRIDGE_GLOBAL, mediaUrl } from '../../../shared/api/bridge';
import { translate, type Language } from '../../../shared/messages';
import { formatDateTime } from '../../../shared/date-format';
import type { ApiClient } from '../../api/client';
import { WATCHING_EVENT } from '../../use-idle-timeout';
import type { StaffText } from '../texts';
import './footage-player.css';

/** Below the shortest idle time the configuration allows (15 s), so a playing video never locks the view. */
const KEEP_ALIVE_MS = 5_000;

export interface PlaylistEntry {
  id: number;
  start: number;
}

interface Props {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
  cameraName: string;
  /** The camera's files in time order: when one ends, the next one plays, as one stream. */
  playlist: PlaylistEntry[];
  /** Fixed for the player's life: a new starting point is a new player (give it a key). */
  startIndex: number;
  /** The moment to start at within the first file (epoch ms), if not its beginning. */
  startAt?: number;
  onClose: () => void;
  /** What may be done with the file playing now (e.g. hold it), shown next to it. */
  actions?: (index: number) => ReactNode;
}

/**
 * Plays footage file after file, asking for each file's ticket when the one before ends. While it
 * plays, it tells the core (footage.watching) and the view's idle timer that someone is watching.
 */
export function FootagePlayer({
  client,
  language,
  text,
  timeZone,
  cameraName,
  playlist,
  startIndex,
  startAt,
  onClose,
  actions,
}: Props) {
  const [index, setIndex] = useState(startIndex);
  const [source, setSource] = useState<{ ticket: string; url: string; index: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [watching, setWatching] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const entry = playlist[index];
  const fileId = entry?.id;

  useEffect(() => {
    if (fileId === undefined) return;
    let cancelled = false;
    void client.invoke('footage.playback', { fileId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setError(translate(result.error.key, language));
      setError(null);
      const url = mediaUrl(result.value.ticket, window[BRIDGE_GLOBAL] !== undefined);
      setSource({ ticket: result.value.ticket, url, index });
    });
    return () => {
      cancelled = true;
    };
  }, [client, fileId, index, language]);

  useEffect(() => {
    if (!watching || !source) return;
    const timer = window.setInterval(() => {
      window.dispatchEvent(new Event(WATCHING_EVENT));
      void client.invoke('footage.watching', { ticket: source.ticket });
    }, KEEP_ALIVE_MS);
    return () => window.clearInterval(timer);
  }, [client, watching, source]);

  const caption = entry ? text.playing(cameraName, formatDateTime(entry.start, timeZone, language)) : cameraName;
  return (
    <figure className="player" data-file-id={source?.index === index ? entry?.id : undefined}>
      {source && (
        <video
          ref={video}
          key={source.url}
          src={source.url}
          controls
          autoPlay
          muted
          aria-label={caption}
          onLoadedMetadata={() => {
            if (video.current && startAt !== undefined && source.index === startIndex && entry)
              video.current.currentTime = Math.max(0, (startAt - entry.start) / 1000);
          }}
          onPlaying={() => {
            window.dispatchEvent(new Event(WATCHING_EVENT));
            setWatching(true);
          }}
          onPause={() => setWatching(false)}
          onEnded={() => {
            setWatching(false);
            if (index + 1 < playlist.length) setIndex(index + 1);
          }}
        />
      )}
      <figcaption>
        <span aria-live="polite">{caption}</span> {actions?.(index)}{' '}
        <button type="button" className="secondary small" onClick={onClose}>
          {text.closePlayer}
        </button>
      </figcaption>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </figure>
  );
}
