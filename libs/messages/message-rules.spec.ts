import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { checkMessageBody, contactFound, preview } from './message-rules';

describe('message rules', () => {
  test('links, phones and chat handles are found; ordinary words and times are not', () => {
    assert.equal(contactFound('详情见 http://jobs.example.cn/x'), '消息含有网址链接');
    assert.equal(contactFound('打开 www.abc.top 报名'), '消息含有网址链接');
    assert.equal(contactFound('打我电话 138 1234 5678'), '消息含有手机号码');
    assert.equal(contactFound('座机0796-8123456'), '消息含有电话号码');
    assert.equal(contactFound('加微信：abc12345'), '消息含有微信或QQ号');
    assert.equal(contactFound('明天上午9点来城西工业园区1号面试，工资4500元'), undefined);
  });

  test('an empty or blank message and one over 500 characters are refused with a reason', () => {
    assert.deepEqual(checkMessageBody('  你好 '), { ok: true, text: '你好' });
    const blank = checkMessageBody(' \n ');
    assert.equal(blank.ok, false);
    assert.equal(!blank.ok && blank.code, 'message_empty');
    assert.equal(checkMessageBody(42).ok, false);
    const long = checkMessageBody('好'.repeat(501));
    assert.equal(!long.ok && long.code, 'message_too_long');
    assert.equal(checkMessageBody('好'.repeat(500)).ok, true);
  });

  test('a preview is one line of at most 40 characters', () => {
    assert.equal(preview('第一行\n第二行'), '第一行 第二行');
    assert.equal([...preview('字'.repeat(80))].length, 40);
  });
});
