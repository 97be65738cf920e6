import type { DashboardVersionDefinition, InputColumnDataType, Visual } from '@aws-sdk/client-quicksight';
import type { QuickSightVisualSpec } from '../../core/analytics/quickSightPorts.js';

/** The dataset's identifier inside a dashboard definition. */
const DATA = 'data';

/** An Athena (Trino/Hive) column type as a QuickSight input column type. */
export function quickSightColumnType(athenaType: string): InputColumnDataType {
  const type = athenaType.toLowerCase();
  if (/^(tinyint|smallint|int|integer|bigint)\b/.test(type)) return 'INTEGER';
  if (/^(double|float|real|decimal)\b/.test(type)) return 'DECIMAL';
  if (/^(date|timestamp)\b/.test(type)) return 'DATETIME';
  if (type === 'boolean') return 'BOOLEAN';
  return 'STRING';
}

function visualOf(spec: QuickSightVisualSpec, index: number): Visual {
  const id = `v${index + 1}`;
  const category = [
    {
      CategoricalDimensionField: {
        FieldId: `${id}-c`,
        Column: { DataSetIdentifier: DATA, ColumnName: spec.category },
      },
    },
  ];
  const values = [
    {
      NumericalMeasureField: {
        FieldId: `${id}-v`,
        Column: { DataSetIdentifier: DATA, ColumnName: spec.value },
        AggregationFunction: { SimpleNumericalAggregation: 'SUM' as const },
      },
    },
  ];
  const title = { Visibility: 'VISIBLE' as const, FormatText: { PlainText: spec.title } };
  if (spec.kind === 'bar')
    return {
      BarChartVisual: {
        VisualId: id,
        Title: title,
        ChartConfiguration: {
          FieldWells: { BarChartAggregatedFieldWells: { Category: category, Values: values } },
        },
      },
    };
  if (spec.kind === 'line')
    return {
      LineChartVisual: {
        VisualId: id,
        Title: title,
        ChartConfiguration: {
          FieldWells: { LineChartAggregatedFieldWells: { Category: category, Values: values } },
        },
      },
    };
  return {
    TableVisual: {
      VisualId: id,
      Title: title,
      ChartConfiguration: {
        FieldWells: { TableAggregatedFieldWells: { GroupBy: category, Values: values } },
      },
    },
  };
}

/** A one-sheet dashboard of the template's visuals over one dataset (no QuickSight template needed). */
export function quickSightDashboardDefinition(
  dataSetArn: string,
  visuals: readonly QuickSightVisualSpec[],
): DashboardVersionDefinition {
  return {
    DataSetIdentifierDeclarations: [{ Identifier: DATA, DataSetArn: dataSetArn }],
    Sheets: [{ SheetId: 'overview', Name: 'Overview', Visuals: visuals.map(visualOf) }],
  };
}
