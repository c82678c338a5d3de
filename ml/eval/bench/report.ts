// The bench's self-contained HTML report (inline CSS and SVG, no scripts): EER and accuracy against N per method,
// time and bytes per method, every aggregate and cell, and the machine, backend, models and date the figures came from.

import type { CloneMethod } from '../../cloning/library/types';
import type { SentenceTranscript } from '../../data/vcc2016-transcripts';
import { escapeHtml as esc, lineChartSvg, logBarChartSvg, type ChartReference, type LineSeries } from './charts';
import type { MethodAggregate, VerificationFigures } from './aggregate';
import type { BenchResults } from './run';
import { isHarvardSentence } from './sentences';

export const METHOD_COLORS: Record<CloneMethod, string> = { encode: '#1f77b4', 'adapt-embedding': '#ff7f0e', 'adapt-whole': '#2ca02c' };

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const num = (v: number | null, digits = 2) => (v === null ? '–' : v.toFixed(digits));

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

function seriesOf(aggregates: readonly MethodAggregate[], value: (a: MethodAggregate) => number): LineSeries[] {
  const methods = [...new Set(aggregates.map((a) => a.method))];
  return methods.map((m) => ({
    label: m,
    color: METHOD_COLORS[m],
    points: aggregates.filter((a) => a.method === m).map((a) => [a.n, value(a)] as const),
  }));
}

function charts(r: BenchResults): string {
  const a = r.aggregates;
  if (a.length === 0) return '<p><strong>No cell was measured, so there is nothing to chart.</strong></p>';
  const xs = [...new Set(a.map((x) => x.n))].sort((p, q) => p - q);
  const levels = (value: (f: VerificationFigures) => number): ChartReference[] => [
    ...(r.realReference ? [{ label: 'real recordings', value: 100 * value(r.realReference), color: '#000' }] : []),
    ...(r.trainedReference ? [{ label: 'TTS trained voices', value: 100 * value(r.trainedReference), color: '#888' }] : []),
  ];
  const bytes = [...new Set(a.map((x) => x.method))].map((m) => {
    const own = a.filter((x) => x.method === m);
    return { label: m, color: METHOD_COLORS[m], value: own.reduce((s, x) => s + x.bytes, 0) / own.length };
  });
  return [
    lineChartSvg({
      title: 'Speaker verification EER of clones',
      yLabel: 'EER (%)',
      xs,
      series: seriesOf(a, (x) => 100 * x.eer),
      references: levels((f) => f.eer),
      yMax: 100,
    }),
    lineChartSvg({
      title: 'EER of clones, speakers measured at every N',
      yLabel: 'EER (%)',
      xs,
      series: seriesOf(r.sameSpeakerAggregates, (x) => 100 * x.eer),
      yMax: 100,
    }),
    lineChartSvg({
      title: 'Speaker classification accuracy of clones',
      yLabel: 'accuracy (%)',
      xs,
      series: seriesOf(a, (x) => 100 * x.accuracy),
      references: levels((f) => f.accuracy),
      yMax: 100,
    }),
    lineChartSvg({ title: 'Cloning time', yLabel: 'seconds per voice', xs, series: seriesOf(a, (x) => x.cloneSeconds) }),
    logBarChartSvg('Bytes per voice', 'bytes (log scale)', bytes),
  ]
    .map((svg) => `<figure>${svg}</figure>`)
    .join('');
}

/** The per method × N table, with each WER against flite's on the same sentences. */
function aggregateTable(rows: readonly MethodAggregate[], fliteWer: number): string {
  return table(
    ['method', 'N', 'speakers', 'utterances', 'EER', 'accuracy', 'cosine to own', 'MCD (dB)', 'F0 RMSE (Hz)', 'WER', 'WER ÷ flite', 'clone s', 'synth s', 'bytes'],
    rows.map((a) => [
      a.method,
      String(a.n),
      String(a.speakers.length),
      String(a.utterances),
      pct(a.eer),
      pct(a.accuracy),
      num(a.meanOwnCosine, 3),
      num(a.mcdDb),
      num(a.f0RmseHz, 1),
      pct(a.wer),
      fliteWer > 0 ? `${(a.wer / fliteWer).toFixed(2)}×` : '–',
      num(a.cloneSeconds),
      num(a.synthSeconds),
      String(Math.round(a.bytes)),
    ]),
  );
}

/** The report page for a finished run. */
export function benchReportHtml(r: BenchResults): string {
  const m = r.models;
  const about = table(
    ['', ''],
    [
      ['written', r.writtenAt],
      ['machine', `${r.machine.os}; ${r.machine.cpu}; ${r.machine.cores} cores; Node ${r.machine.node}`],
      ['backend', `${r.backend.name} (${r.backend.reason})`],
      ['TTS model', `${m.tts.version}, step ${m.tts.step ?? '?'}`],
      ['speaker encoder', m.encoder ? `for TTS ${m.encoder.ttsModelVersion}, step ${m.encoder.step ?? '?'}` : 'none'],
      ['speaker verifier', `format v${m.verifier.formatVersion}, step ${m.verifier.step ?? '?'}`],
      ['speakers', r.options.speakers.join(', ')],
      ['N (clips)', r.options.samples.join(', ')],
      ['methods', r.methods.map((x) => (x.available ? x.method : `${x.method} (unavailable)`)).join(', ')],
      ['adaptation steps', r.options.adaptSteps === null ? 'cloneVoice default' : String(r.options.adaptSteps)],
      ['run time', `${r.timing.totalSeconds.toFixed(0)} s (${r.timing.measuredCells} cells measured, ${r.timing.cachedCells} from cache)`],
    ],
  );
  const aggregates = aggregateTable(r.aggregates, r.fliteReference.wer);
  const sameSpeakers = aggregateTable(r.sameSpeakerAggregates, r.fliteReference.wer);
  const real = r.realReference
    ? `<p>The same trials on the speakers' real readings of the synthesis sentences (${r.realReference.speakers.join(', ')}; the verifier's ceiling here): ` +
      `EER ${pct(r.realReference.eer)}, accuracy ${pct(r.realReference.accuracy)}, cosine to own ${r.realReference.meanOwnCosine.toFixed(3)}.</p>`
    : '';
  const trained = r.trainedReference
    ? `<p>The TTS model's own trained voices of real people (${r.trainedReference.speakers.join(', ')}, spoken with their learned speaker vectors) scored ` +
      `against those people's real recordings the same way: EER ${pct(r.trainedReference.eer)}, accuracy ${pct(r.trainedReference.accuracy)}, ` +
      `cosine to own ${r.trainedReference.meanOwnCosine.toFixed(3)}. This is what a well-placed vector in the model's speaker space reaches, ` +
      'the space that speaker encoding and embedding-only adaptation search.</p>'
    : '';
  const flite = r.fliteReference;
  const baseline =
    `<p>Intelligibility baseline: <code>flite -voice slt</code> reading the same sentences scores a pocketsphinx WER of ${pct(flite.wer)} ` +
    `(${flite.errors} errors in ${flite.referenceWords} words); the ratio column divides each clone's WER by it (the TTS issue's target for its voices is at most 1.5×).</p>`;
  const cells = table(
    ['speaker', 'N', 'method', 'cosine to own', 'MCD (dB)', 'WER', 'clone s'],
    r.cellSummaries.map((c) => [c.speaker, String(c.n), c.method, num(c.meanOwnCosine, 3), num(c.mcdDb), pct(c.wer), num(c.cloneSeconds)]),
  );
  const skipped = r.skipped.length === 0 ? '<p>None.</p>' : table(['speaker', 'N', 'method', 'reason'], r.skipped.map((s) => [s.speaker, String(s.n), s.method, s.reason]));
  const speakers = table(
    ['speaker', 'gender', 'cloning clips', 'clip text', 'enrollment recordings', 'trained on by'],
    r.speakers.map((s) => [s.key, s.gender ?? '?', String(s.maxClips), s.textSource, String(s.enrollmentIds.length), s.seenInTraining.join(', ') || 'none (held out)']),
  );
  const source = (s: SentenceTranscript) => (isHarvardSentence(s) ? 'Harvard sentence' : `VCC2016 ${esc(s.id)}, agreement ${s.agreement.toFixed(2)}`);
  const sentences = `<ol>${r.sentences.map((s) => `<li>${esc(s.text)} <small>(${source(s)})</small></li>`).join('')}</ol>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cloning methods on held-out speakers</title>
<style>body{font-family:DejaVu Sans,sans-serif;max-width:1200px;margin:1em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f3f3f3}
figure{display:inline-block;margin:0 8px 8px 0}</style></head><body>
<h1>Cloning methods on held-out real speakers</h1>
<p>Each speaker is cloned from N of their real clips by each method (the app's own cloneVoice), the clone speaks the fixed sentences,
and the speaker verifier scores every synthesized utterance against every bench speaker's real enrollment recordings (never the cloning clips).</p>
${about}
<h2>Notes</h2><ul>${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
<h2>Figures</h2>${charts(r)}
${real}
${trained}
<h2>Per method and N</h2>${baseline}${aggregates}
<h3>Over only the speakers measured at every N</h3><p>Speakers with few clips drop out of the larger N; these rows keep the same people at every N of a method, so a trend over N is not a change of speakers.</p>${sameSpeakers}
<h2>Per cell</h2>${cells}
<h2>Cells not measured</h2>${skipped}
<h2>Speakers</h2>${speakers}
<h2>Sentences spoken</h2>${sentences}
</body></html>
`;
}
