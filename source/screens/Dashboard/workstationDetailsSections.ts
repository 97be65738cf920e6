import type { DetailsSection } from '../../components/DetailsPanel.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { formatHourlyCost, formatUptime, stateLabel, uptimeMs } from './workstationFigures.js';

/** How many state changes the details show, newest first. */
const RECENT_EVENTS = 8;

/** What the details page shows of a workstation, every value made safe to draw. */
export function workstationDetailsSections(workstation: Workstation, now: number): DetailsSection[] {
  const safe = sanitizeForTerminal;
  const instance = workstation.instance;
  const optional = (label: string, value: string | undefined): Array<[string, string]> =>
    value === undefined ? [] : [[label, safe(value)]];
  return [
    {
      title: 'Workstation',
      rows: [
        ['Name', safe(workstation.name)],
        ['ID', safe(workstation.id)],
        ['Template', safe(workstation.template)],
        ['Type', safe(workstation.instance_type)],
        ['State', safe(stateLabel(workstation))],
        ['Region', safe(workstation.region)],
        ...optional('Zone', instance?.availability_zone),
        ['Launched', safe(readableTime(workstation.launched_at))],
        ['Uptime', formatUptime(uptimeMs(workstation, now))],
        ['$/h now', formatHourlyCost(workstation)],
        ...optional('Research user', workstation.research_user),
        ...optional('Profile', workstation.profile),
        ...optional('Project', workstation.project),
        ['Connect', safe(workstation.connect)],
      ],
    },
    {
      title: 'Launch progress',
      rows: [['Stage', safe(workstation.progress ?? (workstation.state === 'pending' ? 'booting' : '-'))]],
    },
    {
      title: 'Image and network',
      rows: instance
        ? [
            ['AMI', safe(instance.image_id)],
            ['Architecture', safe(instance.architecture)],
            ['Public IP', safe(instance.public_ip ?? '-')],
            ['Private IP', safe(instance.private_ip ?? '-')],
            ...optional('Key pair', instance.key_name),
            ['Spot', instance.spot ? 'yes' : 'no'],
            ['Hibernation', instance.hibernation_configured ? 'enabled' : 'not enabled'],
          ]
        : [],
    },
    {
      title: 'Volumes',
      rows: instance ? [['Root', `${instance.root_volume_gb} GB ${safe(instance.root_volume_type)}`]] : [],
    },
    {
      title: 'Tags',
      rows: Object.entries(instance?.tags ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => [safe(key), safe(value)] as [string, string]),
    },
    {
      title: 'Recent events',
      rows: [...(instance?.transitions ?? [])]
        .filter((transition) => Date.parse(transition.at) <= now)
        .reverse()
        .slice(0, RECENT_EVENTS)
        .map(
          (transition) =>
            [safe(transition.state), safe(readableTime(transition.at, true))] as [string, string],
        ),
    },
  ];
}

/**
 * An ISO time as people read it, in UTC: `2026-11-01 09:00 UTC`, with `:07` seconds when asked (state
 * changes seconds apart); the raw text if it is not a time.
 */
export function readableTime(iso: string, seconds = false): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return `${new Date(at)
    .toISOString()
    .slice(0, seconds ? 19 : 16)
    .replace('T', ' ')} UTC`;
}
