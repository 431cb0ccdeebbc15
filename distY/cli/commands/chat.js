import { loadRuntime } from '../runtime.js';
export function registerChatCommand(program) {
    program
        .command('chat')
        .description('在终端里和机器人对话 (interactive terminal chat; what npm start runs without WeChat)')
        .action(async () => {
        const runtime = loadRuntime();
        // Imported here: `pufa chat --help` loads no model.
        const { runChat } = await import('../../terminal/chat.js');
        await runChat(runtime);
    });
}
//# sourceMappingURL=chat.js.map