export declare const CHROMIUM: string;
export declare function chromiumLaunchOptions(options?: { headed?: boolean }): {
  executablePath: string;
  headless: boolean;
  args: string[];
};
