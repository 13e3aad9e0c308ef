import { GlueCatalogDatabase } from "@cdktf/provider-aws/lib/glue-catalog-database";
import { GlueCatalogTable } from "@cdktf/provider-aws/lib/glue-catalog-table";
import { Construct } from "constructs";
import { movedFrom } from "../core/addresses";
import type { GlueTableDefinition } from "./glue-tables";

export interface GlueCatalogProps {
  /** Glue / Athena database name. */
  readonly databaseName: string;
  /** Tables, in the original `count` order when `originalModule` is set. */
  readonly tables: readonly GlueTableDefinition[];
  /** Name of the data lake bucket. */
  readonly datalakeBucketName: string;
  /** Name of Connect's storage bucket (Contact Lens output). Tables on it are skipped when absent. @default - none */
  readonly connectStorageBucketName?: string;
  /** Original resources/glue module name: moves the database and `this[i]` tables. @default - no moves */
  readonly originalModule?: string;
}

/** First year Firehose partitions are projected for; earlier objects are not expected in this lake. */
const FIRST_PARTITION_YEAR = 2024;

/**
 * Glue database and one JSON table per data set. Firehose-fed tables declare the year/month/day
 * folders Firehose writes as projected partitions, so Athena prunes by date and never reads the
 * `errors/` folder beside them.
 */
export class GlueCatalog extends Construct {
  public readonly database: GlueCatalogDatabase;
  /** Tables by name. */
  public readonly tables: Readonly<Record<string, GlueCatalogTable>>;

  constructor(scope: Construct, id: string, props: GlueCatalogProps) {
    super(scope, id);
    const names = props.tables.map((t) => t.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) {
      throw new Error(
        `${this.node.path}: table "${duplicate}" is defined twice; give each Glue table a unique name`,
      );
    }

    this.database = new GlueCatalogDatabase(this, "database", { name: props.databaseName });
    const tables: Record<string, GlueCatalogTable> = {};
    props.tables.forEach((definition, index) => {
      const bucketName =
        definition.bucket === "datalake" ? props.datalakeBucketName : props.connectStorageBucketName;
      if (bucketName === undefined) return;
      const location = `s3://${bucketName}/${definition.prefix}`;
      const partitioned = definition.bucket === "datalake";
      const table = new GlueCatalogTable(this, definition.name, {
        databaseName: this.database.name,
        name: definition.name,
        tableType: "EXTERNAL_TABLE",
        parameters: {
          classification: "json",
          compressionType: "none",
          ...(partitioned ? projectionParameters(location) : {}),
        },
        partitionKeys: partitioned
          ? ["year", "month", "day"].map((name) => ({ name, type: "string" }))
          : undefined,
        storageDescriptor: {
          location,
          inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
          outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
          serDeInfo: {
            name: "json-ser-de",
            serializationLibrary: "org.openx.data.jsonserde.JsonSerDe",
            // A malformed record becomes a row of nulls instead of failing the whole query.
            parameters: { "serialization.format": "1", "ignore.malformed.json": "true" },
          },
          columns: definition.columns.map((c) => ({ name: c.name, type: c.type })),
        },
      });
      if (props.originalModule) {
        movedFrom(table, `module.${props.originalModule}.aws_glue_catalog_table.this[${index}]`);
      }
      tables[definition.name] = table;
    });
    if (props.originalModule) {
      movedFrom(this.database, `module.${props.originalModule}.aws_glue_catalog_database.this`);
    }
    this.tables = tables;
  }
}

/** Athena partition projection over Firehose's `year=YYYY/month=MM/day=DD/` folders. */
function projectionParameters(location: string): Record<string, string> {
  return {
    "projection.enabled": "true",
    "projection.year.type": "integer",
    "projection.year.range": `${FIRST_PARTITION_YEAR},2099`,
    "projection.month.type": "integer",
    "projection.month.range": "1,12",
    "projection.month.digits": "2",
    "projection.day.type": "integer",
    "projection.day.range": "1,31",
    "projection.day.digits": "2",
    // $${...} is a literal ${...} for Terraform: Athena fills these in, not Terraform.
    "storage.location.template": `${location}year=$\${year}/month=$\${month}/day=$\${day}/`,
  };
}
