import { WechatyBuilder, types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';

const mocker = new mock.Mocker();
const puppet = new PuppetMock({ mocker });
const bot = WechatyBuilder.build({ puppet, name: '/tmp/spike-bot' });
bot.on('scan', (qr, status) => console.log('scan', qr, status));
bot.on('login', (u) => console.log('login', u.id, u.name()));
bot.on('logout', (u) => console.log('logout', u.id));
bot.on('message', async (m) => {
  console.log('msg', { self: m.self(), age: m.age(), type: m.type(), text: m.text(), room: !!m.room(), mentionSelf: await m.mentionSelf(), talker: m.talker().name(), alias: await m.talker().alias() });
  if (!m.self() && m.room()) {
    const room = m.room()!;
    console.log('topic', await room.topic());
    await room.say('你好', m.talker());
  }
});
await bot.start();
const user = mocker.createContact({ name: '普法助手' });
mocker.login(user);
await new Promise((r) => setTimeout(r, 100));
const alice = mocker.createContact({ name: '张三' });
const room = mocker.createRoom({ topic: '新洲区城管普法群', memberIdList: [user.id, alice.id] });
room.on('message', (m) => console.log('ROOM MSG', m.talker().id === user.id, m.text()));
alice.say('@普法助手 占道经营怎么处罚', [user]).to(room);
await new Promise((r) => setTimeout(r, 500));
console.log('rooms', (await bot.Room.findAll()).length, bot.currentUser.name());
const c = await bot.Contact.find({ id: alice.id });
console.log('found', c?.name());
await puppet.logout();
await new Promise((r) => setTimeout(r, 100));
mocker.login(user);
await new Promise((r) => setTimeout(r, 100));
await bot.stop();
