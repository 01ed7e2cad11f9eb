/**
 * The handful of VS Code theme variables the panel uses, with the values VS Code sets for Light+ and Dark+
 * (and High Contrast), so screenshots look like the panel inside the editor. VS Code puts them on <html>;
 * here they come from a stylesheet, the only kind the CSP allows.
 */
export type Theme = "light" | "dark" | "high-contrast";

const COMMON: Record<string, string> = {
  "--vscode-font-family": 'system-ui, -apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  "--vscode-font-size": "13px",
  "--vscode-font-weight": "normal",
  "--vscode-editor-font-family": '"Droid Sans Mono", "DejaVu Sans Mono", "monospace", monospace',
  "--vscode-editor-font-size": "13px",
};

const LIGHT: Record<string, string> = {
  "--vscode-foreground": "#616161",
  "--vscode-descriptionForeground": "#717171",
  "--vscode-errorForeground": "#a1260d",
  "--vscode-focusBorder": "#0090f1",
  "--vscode-editor-background": "#ffffff",
  "--vscode-editor-foreground": "#000000",
  "--vscode-editorWidget-background": "#f3f3f3",
  "--vscode-editorWidget-border": "#c8c8c8",
  "--vscode-widget-border": "#d4d4d4",
  "--vscode-panel-border": "#80808059",
  "--vscode-button-background": "#007acc",
  "--vscode-button-foreground": "#ffffff",
  "--vscode-button-hoverBackground": "#0062a3",
  "--vscode-button-secondaryBackground": "#5f6a79",
  "--vscode-button-secondaryForeground": "#ffffff",
  "--vscode-button-secondaryHoverBackground": "#4c5561",
  "--vscode-input-background": "#ffffff",
  "--vscode-input-foreground": "#616161",
  "--vscode-input-border": "#cecece",
  "--vscode-input-placeholderForeground": "#767676",
  "--vscode-inputValidation-errorBackground": "#f2dede",
  "--vscode-inputValidation-errorBorder": "#be1100",
  "--vscode-dropdown-background": "#ffffff",
  "--vscode-dropdown-foreground": "#616161",
  "--vscode-dropdown-border": "#cecece",
  "--vscode-textLink-foreground": "#006ab1",
  "--vscode-textCodeBlock-background": "#dcdcdc66",
  "--vscode-textPreformat-foreground": "#a31515",
  "--vscode-list-hoverBackground": "#e8e8e8",
  "--vscode-editorError-foreground": "#e51400",
  "--vscode-editorWarning-foreground": "#bf8803",
  "--vscode-editorInfo-foreground": "#1a85ff",
  "--vscode-charts-foreground": "#616161",
  "--vscode-charts-lines": "#61616180",
  "--vscode-charts-red": "#e51400",
  "--vscode-charts-blue": "#1a85ff",
  "--vscode-charts-yellow": "#bf8803",
  "--vscode-charts-orange": "#d18616",
  "--vscode-charts-green": "#388a34",
  "--vscode-charts-purple": "#652d90",
};

const DARK: Record<string, string> = {
  "--vscode-foreground": "#cccccc",
  "--vscode-descriptionForeground": "#ccccccb3",
  "--vscode-errorForeground": "#f48771",
  "--vscode-focusBorder": "#007fd4",
  "--vscode-editor-background": "#1e1e1e",
  "--vscode-editor-foreground": "#d4d4d4",
  "--vscode-editorWidget-background": "#252526",
  "--vscode-editorWidget-border": "#454545",
  "--vscode-widget-border": "#303031",
  "--vscode-panel-border": "#80808059",
  "--vscode-button-background": "#0e639c",
  "--vscode-button-foreground": "#ffffff",
  "--vscode-button-hoverBackground": "#1177bb",
  "--vscode-button-secondaryBackground": "#3a3d41",
  "--vscode-button-secondaryForeground": "#ffffff",
  "--vscode-button-secondaryHoverBackground": "#45494e",
  "--vscode-input-background": "#3c3c3c",
  "--vscode-input-foreground": "#cccccc",
  "--vscode-input-placeholderForeground": "#a6a6a6",
  "--vscode-inputValidation-errorBackground": "#5a1d1d",
  "--vscode-inputValidation-errorBorder": "#be1100",
  "--vscode-dropdown-background": "#3c3c3c",
  "--vscode-dropdown-foreground": "#f0f0f0",
  "--vscode-dropdown-border": "#3c3c3c",
  "--vscode-textLink-foreground": "#3794ff",
  "--vscode-textCodeBlock-background": "#0a0a0a66",
  "--vscode-textPreformat-foreground": "#d7ba7d",
  "--vscode-list-hoverBackground": "#2a2d2e",
  "--vscode-editorError-foreground": "#f14c4c",
  "--vscode-editorWarning-foreground": "#cca700",
  "--vscode-editorInfo-foreground": "#3794ff",
  "--vscode-charts-foreground": "#cccccc",
  "--vscode-charts-lines": "#cccccc80",
  "--vscode-charts-red": "#f14c4c",
  "--vscode-charts-blue": "#3794ff",
  "--vscode-charts-yellow": "#cca700",
  "--vscode-charts-orange": "#d18616",
  "--vscode-charts-green": "#89d185",
  "--vscode-charts-purple": "#b180d7",
};

const HIGH_CONTRAST: Record<string, string> = {
  ...DARK,
  "--vscode-foreground": "#ffffff",
  "--vscode-descriptionForeground": "#ffffffb3",
  "--vscode-editor-background": "#000000",
  "--vscode-editor-foreground": "#ffffff",
  "--vscode-editorWidget-background": "#0c141f",
  "--vscode-contrastBorder": "#6fc3df",
  "--vscode-contrastActiveBorder": "#f38518",
  "--vscode-focusBorder": "#f38518",
  "--vscode-button-background": "#000000",
  "--vscode-button-border": "#6fc3df",
  "--vscode-input-background": "#000000",
  "--vscode-input-border": "#6fc3df",
  "--vscode-charts-foreground": "#ffffff",
  "--vscode-charts-red": "#f48771",
  "--vscode-charts-blue": "#3794ff",
  "--vscode-charts-green": "#89d185",
};

export const THEMES: Record<Theme, { readonly bodyClass: string; readonly vars: Record<string, string> }> = {
  light: { bodyClass: "vscode-light", vars: { ...COMMON, ...LIGHT } },
  dark: { bodyClass: "vscode-dark", vars: { ...COMMON, ...DARK } },
  "high-contrast": { bodyClass: "vscode-high-contrast", vars: { ...COMMON, ...HIGH_CONTRAST } },
};

export function themeCss(theme: Theme): string {
  const vars = Object.entries(THEMES[theme].vars)
    .map(([k, v]) => `  ${k}: ${v};`)
    .join("\n");
  return `html {\n${vars}\n}\n`;
}
