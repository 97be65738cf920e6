import { describe, expect, it } from 'vitest';
import { collapseBreadcrumbs } from '../../source/components/Header.js';

describe('collapseBreadcrumbs', () => {
  it('keeps the last two pages, each short, so the costs after them stay in view', () => {
    expect(collapseBreadcrumbs(['Dashboard'])).toBe('Dashboard');
    expect(collapseBreadcrumbs(['Dashboard', 'Cost', 'Policy', 'Templates'])).toBe('… > Policy > Templates');
    expect(collapseBreadcrumbs(['Dashboard', 'a-very-long-workstation-name-indeed'])).toBe(
      'Dashboard > a-very-long-workstation…',
    );
  });
});
