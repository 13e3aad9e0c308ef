import type { KinesisClient } from "@aws-sdk/client-kinesis";

const lib = () => import("@aws-sdk/client-kinesis");
import type { AiInsightRecord } from "../insights/record";
import type { InsightSink } from "../ports";
import { callWith, type RemoteCall } from "../shared/resilience";

/** PutRecords takes at most 500 records per call. */
const MAX_BATCH = 500;
/** Records kept for a later try while the stream is unreachable (~300 bytes each). */
export const MAX_BUFFERED = 2_000;

export interface InsightDeliveryReport {
  /** Records a PutRecords call did not store this time (they stay buffered and go with the next flush). */
  readonly failed: number;
  /** Records dropped because the buffer was full: lost for good. */
  readonly dropped: number;
}

/**
 * Writes AI insight records to the AI reporting stream without the turn waiting on it. `record`
 * buffers and starts a PutRecords of everything buffered unless one is already in flight; the
 * reply never awaits it. A container is frozen once the reply is sent, so a put may finish only
 * when the next invocation thaws it; records that fail (or time out) stay buffered and go with the
 * next turn's put. Delivery is therefore at least once (readers de-duplicate by record_id), and
 * records still buffered when a container is retired are lost. Failures are reported, never thrown.
 */
export class KinesisInsights implements InsightSink {
  private readonly buffer: AiInsightRecord[] = [];
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly streamName: string,
    private readonly client: () => Promise<KinesisClient>,
    private readonly call: RemoteCall,
    private readonly report: (counts: InsightDeliveryReport) => void,
  ) {}

  record(record: AiInsightRecord): void {
    this.buffer.push(record);
    const overflow = this.buffer.length - MAX_BUFFERED;
    if (overflow > 0) {
      this.buffer.splice(0, overflow);
      this.report({ failed: 0, dropped: overflow });
    }
    void this.flush();
  }

  /** The put in flight, or a new one of what is buffered; settles, never rejects. */
  flush(): Promise<void> {
    this.inFlight ??= this.send().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Records waiting for a put (for tests and the bench). */
  get pending(): number {
    return this.buffer.length;
  }

  private async send(): Promise<void> {
    const batch = this.buffer.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    let failed: AiInsightRecord[];
    try {
      const out = await callWith(
        this.call,
        Promise.all([this.client(), lib()]),
        ([client, sdk], abortSignal) =>
          client.send(
            new sdk.PutRecordsCommand({
              StreamName: this.streamName,
              Records: batch.map((r) => ({
                // Firehose appends the newline Athena needs between records.
                Data: Buffer.from(JSON.stringify(r)),
                PartitionKey: r.contact_id || r.record_id,
              })),
            }),
            { abortSignal },
          ),
      );
      failed = batch.filter((_, i) => out.Records?.[i]?.ErrorCode !== undefined);
    } catch {
      failed = batch;
    }
    if (failed.length === 0) return;
    // Back to the front, oldest first; whatever no longer fits is dropped.
    this.buffer.unshift(...failed);
    const overflow = this.buffer.length - MAX_BUFFERED;
    if (overflow > 0) this.buffer.splice(0, overflow);
    this.report({ failed: failed.length, dropped: Math.max(0, overflow) });
  }
}

/** Used when no stream is configured (local runs, tests of other ports): records go nowhere. */
export const NO_INSIGHTS: InsightSink = { record: () => undefined };
