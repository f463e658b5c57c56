import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import { sameView, type TrayAction, type TrayView } from './tray-state.js';

/**
 * The tray icon and its menu, redrawn from a TrayView. The menu is rebuilt on
 * every change rather than mutated: Linux app indicators only show a new menu.
 * macOS gets template images, which it tints for light and dark menu bars.
 */
export class AppTray {
  private readonly tray: Tray;
  private shown: TrayView | null = null;

  constructor(
    private readonly iconDir: string,
    private readonly onAction: (action: TrayAction) => void,
  ) {
    this.tray = new Tray(this.image('stopped'));
    this.tray.on('click', () => onAction('open'));
  }

  show(view: TrayView): void {
    if (sameView(this.shown, view)) return;
    if (this.shown?.icon !== view.icon) this.tray.setImage(this.image(view.icon));
    this.tray.setToolTip(view.tooltip);
    this.tray.setContextMenu(
      Menu.buildFromTemplate(
        view.menu.flatMap((item, index) => [
          ...(item.action === 'quit' || (item.action === 'toggle-start-at-login' && index > 0)
            ? [{ type: 'separator' as const }]
            : []),
          {
            label: item.label,
            enabled: item.enabled,
            ...(item.checked === undefined ? {} : { type: 'checkbox' as const, checked: item.checked }),
            click: () => this.onAction(item.action),
          },
        ]),
      ),
    );
    this.shown = view;
  }

  destroy(): void {
    this.tray.destroy();
  }

  private image(icon: TrayView['icon']) {
    const template = process.platform === 'darwin';
    const image = nativeImage.createFromPath(join(this.iconDir, `tray-${icon}${template ? 'Template' : ''}.png`));
    if (template) image.setTemplateImage(true);
    return image;
  }
}
