import type { InstanceChoice } from '../../app/session/launchChoices.js';
import type { LaunchPreview } from '../../app/session/previewLaunch.js';
import type { DetailsSection } from '../../components/DetailsPanel.js';
import { formatUsd, formatUsdPerHour } from '../../core/cost/formatUsd.js';
import { HOURS_PER_MONTH } from '../../core/cost/PriceQuote.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import type { PolicyVerdict } from '../../core/policy/PolicyVerdict.js';
import { CANVAS_SESSION_HOURLY_USD } from '../../core/services/canvasPricing.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { describeInstanceShape, formatHourly } from './instanceChoiceRows.js';

type Row = readonly [string, string];
const safe = sanitizeForTerminal;

/** Whether the review lets Enter launch: the policy allows it and nothing else stops it. */
export function previewAllowsLaunch(preview: LaunchPreview): boolean {
  return preview.verdict.allowed && preview.problems.length === 0 && preview.user_data_error === undefined;
}

/** The verdict as sentences: every violated rule, what would fix it, and the policy's remarks. */
export function verdictRows(verdict: PolicyVerdict): Row[] {
  const outcome: Row = verdict.allowed
    ? [
        'Verdict',
        `allowed (${verdict.checked.length} rule${verdict.checked.length === 1 ? '' : 's'} checked)`,
      ]
    : ['Verdict', `DENIED by ${verdict.violations.length} rule${verdict.violations.length === 1 ? '' : 's'}`];
  return [
    outcome,
    ...verdict.violations.map(
      (violation): Row => [
        violation.unverified ? 'Unverified' : 'Violates',
        safe(`${violation.rule}: ${violation.message}`),
      ],
    ),
    ...verdict.suggestions.map((suggestion): Row => ['Suggestion', safe(suggestion.message)]),
    ...verdict.notes.map((note): Row => ['Note', safe(note)]),
  ];
}

function templateRow(template: ResolvedTemplate): Row {
  const chain = template.inheritance_chain.length > 1 ? ` (${template.inheritance_chain.join(' > ')})` : '';
  const shadow = template.shadows_builtin ? ` - YOUR OWN, shadowing the built-in '${template.slug}'` : '';
  return ['Template', safe(`${template.slug}${chain}${shadow}`)];
}

/** The parameter values chosen on the parameters page (the others keep the template's defaults). */
function parameterRows(request: LaunchRequest): Row[] {
  const chosen = Object.entries(request.parameters ?? {});
  if (chosen.length === 0) return [];
  return [['Parameters', safe(chosen.map(([name, value]) => `${name}=${value}`).join(' · '))]];
}

/** The review page of an EC2 launch: what, where, storage, price, the policy's verdict, user data. */
export function reviewSections(
  preview: LaunchPreview,
  request: LaunchRequest,
  fileSystemName: string | undefined,
): DetailsSection[] {
  const { estimate, budget } = preview;
  const sizeNote = request.size ? ` (size ${safe(request.size)})` : '';
  const efs = request.efs
    ? safe(`EFS ${request.efs.file_system_id}${fileSystemName ? ` (${fileSystemName})` : ''} at /efs`)
    : 'no EFS';
  // The verdict and the price come first: at 80x24 they show without scrolling.
  const sections: DetailsSection[] = [
    {
      title: 'Launch',
      rows: [
        templateRow(preview.template),
        ['Name', `${safe(request.name)} in ${safe(preview.region)}`],
        [
          'Instance type',
          `${safe(preview.instance_type)}${sizeNote}: ${describeInstanceShape(preview.type_info)}`,
        ],
        [
          'Options',
          `${request.spot ? 'spot (can be interrupted)' : 'on demand'} · ${request.hibernation ? 'hibernation enabled' : 'no hibernation'}`,
        ],
        ['Storage', `${preview.root_volume_gb} GB gp3 root · ${efs}`],
        ...parameterRows(request),
      ],
    },
    {
      title: 'Cost (estimate)',
      rows: estimate
        ? [
            [
              'Price',
              `${formatUsdPerHour(estimate.hourly)} · ${formatUsd(estimate.monthly)}/month (running ${HOURS_PER_MONTH} h)`,
            ],
            ['Prices', safe(estimate.note ?? `${estimate.source} prices as of ${estimate.as_of}`)],
            ...(budget
              ? [
                  [
                    'Budget',
                    `month projected ${formatUsd(budget.projected_before)} -> ${formatUsd(budget.projected_after)} (${Math.round(budget.percent_before)}% -> ${Math.round(budget.percent_after)}% of the budget)`,
                  ] as Row,
                  ...(budget.crosses.length > 0
                    ? [
                        [
                          'Thresholds',
                          `this launch passes ${budget.crosses.map((t) => `${t}%`).join(', ')}`,
                        ] as Row,
                      ]
                    : []),
                ]
              : []),
          ]
        : [['Price', 'no price is known for this type in this region']],
    },
    { title: 'Policy', rows: verdictRows(preview.verdict) },
  ];
  if (preview.problems.length > 0) {
    sections.push({
      title: 'Problems',
      rows: preview.problems.map((problem): Row => ['Stops launch', safe(problem)]),
    });
  }
  const userData = preview.user_data;
  sections.push({
    title: userData
      ? `User data (${userData.bytes} bytes${userData.compressed ? ', sent gzip-compressed' : ''})`
      : 'User data',
    rows: userData
      ? userData.script
          .split('\n')
          .map((line, index): Row => [String(index + 1).padStart(4), safe(line.replaceAll('\t', '  '))])
      : [['Cannot render', safe(preview.user_data_error ?? 'unknown problem')]],
  });
  return sections;
}

/** What a managed web service costs per hour while it runs. */
export function serviceHourly(
  template: ResolvedTemplate,
  choice: InstanceChoice | undefined,
): number | undefined {
  const kind = template.service_config?.kind;
  if (kind === 'sagemaker-canvas') return CANVAS_SESSION_HOURLY_USD;
  if (kind === 'studio-lab') return 0;
  return choice?.hourly;
}

/** The review page of a managed web service: its price; the service pipeline checks the policy. */
export function serviceReviewSections(
  template: ResolvedTemplate,
  request: LaunchRequest,
  choice: InstanceChoice | undefined,
): DetailsSection[] {
  const hourly = serviceHourly(template, choice);
  const kind = template.service_config?.kind ?? 'service';
  return [
    {
      title: 'Launch',
      rows: [
        templateRow(template),
        ['Name', safe(request.name)],
        ['Service', safe(kind)],
        ...(choice
          ? [
              [
                'Instance type',
                `${safe(choice.instance_type)}${request.size ? ` (size ${safe(request.size)})` : ''}`,
              ] as Row,
            ]
          : []),
      ],
    },
    {
      title: 'Cost (estimate)',
      rows:
        kind === 'studio-lab'
          ? [['Per hour', '$0.0000/h: Studio Lab is free and billed by nobody']]
          : [
              ['Per hour', `${formatHourly(hourly)} while it runs`],
              ...(hourly === undefined
                ? []
                : [
                    [
                      'Per month',
                      `${formatUsd(hourly * HOURS_PER_MONTH)} (running ${HOURS_PER_MONTH} h)`,
                    ] as Row,
                  ]),
            ],
    },
    {
      title: 'Policy',
      rows: [['Verdict', 'checked by the service launch pipeline as it starts (every step shows below)']],
    },
  ];
}
