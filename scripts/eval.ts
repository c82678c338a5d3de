// The paper's comparison of cloning methods on held-out real speakers, written to <out>/results.json and report.html.
// Usage: npm run eval -- [--speakers …] [--samples 1,2,3,5,10] [--methods …] [--out dir] [--quick] [--adapt-steps N]
import { VoiceCloneError } from '../ml/errors';
import type { MethodAggregate } from '../ml/eval/bench/aggregate';
import { formatDuration, consoleProgress } from '../ml/eval/bench/progress';
import { parseBenchArgs } from '../ml/eval/bench/options';
import { REPORT_FILE, RESULTS_FILE, runBench } from '../ml/eval/bench/run';
import path from 'node:path';

try {
  process.env.VOICECLONE_BACKEND ??= 'wasm';
  const options = parseBenchArgs(process.argv.slice(2));
  const results = await runBench(options, { onProgress: consoleProgress(), log: (line) => console.error(line) });
  for (const note of results.notes) console.log(`note: ${note}`);
  console.log(`flite slt on the same sentences: WER ${(100 * results.fliteReference.wer).toFixed(1)} %`);
  const line = (a: MethodAggregate) =>
    `${a.method.padEnd(16)} N=${String(a.n).padEnd(3)} EER ${(100 * a.eer).toFixed(1).padStart(5)} %  accuracy ${(100 * a.accuracy).toFixed(1).padStart(5)} %  ` +
    `WER ${(100 * a.wer).toFixed(1).padStart(5)} %  clone ${a.cloneSeconds.toFixed(1)} s  ${Math.round(a.bytes)} bytes`;
  for (const a of results.aggregates) console.log(line(a));
  console.log('the same, over only the speakers measured at every N:');
  for (const a of results.sameSpeakerAggregates) console.log(`${line(a)}  (${a.speakers.length} speakers)`);
  console.log(`${results.timing.measuredCells} cells measured, ${results.timing.cachedCells} from cache, in ${formatDuration(results.timing.totalSeconds)}`);
  console.log(`wrote ${path.join(options.out, RESULTS_FILE)} and ${path.join(options.out, REPORT_FILE)}`);
} catch (e) {
  console.error(e instanceof VoiceCloneError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
}
