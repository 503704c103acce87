/** Widgets announce their real state to the page, so widget-task exercises can check it. */
import { WIDGET_EVENT, type WidgetReport } from '../../lib/exercises/tasks';

export function reportWidget(report: WidgetReport): void {
  dispatchEvent(new CustomEvent<WidgetReport>(WIDGET_EVENT, { detail: report }));
}
