/**
 * Widgets announce their real state to the page, so widget-task exercises can check it. Each
 * report is also kept in the page's log, so an exercise that hydrates later still sees it.
 */
import { reportLog, WIDGET_EVENT, type WidgetReport } from '../../lib/exercises/tasks';

export function reportWidget(report: WidgetReport): void {
  const log = reportLog();
  log.push(report);
  if (log.length > 50) log.splice(0, log.length - 50);
  dispatchEvent(new CustomEvent<WidgetReport>(WIDGET_EVENT, { detail: report }));
}
