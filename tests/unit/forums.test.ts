import { describe, expect, it } from 'vitest';
import { classifyUrl, threadKey } from '../../src/rules/forums.ts';

const thread = (key: string, forum: string) => ({ kind: 'thread', key, forum });
const profile = (name: string, forum: string) => ({ kind: 'profile', name, forum });
const other = { kind: 'other' };

describe('link detection by forum rules', () => {
  it.each([
    ['a Hacker News item', 'https://news.ycombinator.com/item?id=47476422', thread('hn:47476422', 'Hacker News')],
    ['a Hacker News item over http', 'http://news.ycombinator.com/item?id=1', thread('hn:1', 'Hacker News')],
    ['a Hacker News item with more query', 'https://news.ycombinator.com/item?id=5&p=2', thread('hn:5', 'Hacker News')],
    ['a Lobsters story with its slug', 'https://lobste.rs/s/x1y2z3/some_title', thread('lobsters:x1y2z3', 'Lobsters')],
    [
      'a Reddit thread on www',
      'https://www.reddit.com/r/LocalLLaMA/comments/1abcde/title/',
      thread('reddit:1abcde', 'Reddit'),
    ],
    ['a Reddit thread on old.reddit', 'https://old.reddit.com/r/rust/comments/ZZ9/', thread('reddit:zz9', 'Reddit')],
    ['a Hacker News profile', 'https://news.ycombinator.com/user?id=Lapra', profile('Lapra', 'Hacker News')],
    ['a Lobsters profile', 'https://lobste.rs/~jcs', profile('jcs', 'Lobsters')],
    ['a Reddit profile', 'https://www.reddit.com/u/spez', profile('spez', 'Reddit')],
    ['the Hacker News front page', 'https://news.ycombinator.com/', other],
    ['an item URL on another host', 'https://example.com/item?id=1', other],
    ['a look-alike host', 'https://news.ycombinator.com.evil.example/item?id=1', other],
    ['a Lobsters tag page', 'https://lobste.rs/t/ai', other],
    ['a subreddit', 'https://www.reddit.com/r/LocalLLaMA/', other],
    ['a relative link', '../2/', other],
    ['a mailto link', 'mailto:news.ycombinator.com', other],
  ])('classifies %s', (_, url, expected) => {
    expect(classifyUrl(url)).toEqual(expected);
  });

  it.each([
    ['a Hacker News item whose id is not digits', 'https://news.ycombinator.com/item?id=abc'],
    ['a Hacker News item without an id', 'https://news.ycombinator.com/item'],
    ['a Lobsters story without an id', 'https://lobste.rs/s/'],
    ['a Reddit comments URL without an id', 'https://reddit.com/r/rust/comments/'],
  ])('flags %s as a malformed thread', (_, url) => {
    expect(classifyUrl(url).kind).toBe('bad-thread');
  });

  it('gives one key to two spellings of the same thread', () => {
    expect(threadKey('http://news.ycombinator.com/item?id=7')).toBe(
      threadKey('https://news.ycombinator.com/item?id=7&p=2'),
    );
    expect(threadKey('https://forum.example.org/t/42/')).toBe(threadKey('https://www.forum.example.org/t/42'));
  });
});

describe('commenter profile links', () => {
  it.each([
    ['a Hacker News profile without a name', 'https://news.ycombinator.com/user?id='],
    ['a Hacker News name with a space', 'https://news.ycombinator.com/user?id=tm lee'],
    ['a Hacker News name too long to exist', 'https://news.ycombinator.com/user?id=abcdefghijklmnop'],
    ['"users" for "user"', 'https://news.ycombinator.com/users?id=x'],
    ['"name" for "id"', 'https://news.ycombinator.com/user?name=x'],
    ['a path for the query', 'https://news.ycombinator.com/user/x'],
    ['"threads" for "user"', 'https://news.ycombinator.com/threads?id=x'],
    ['a Lobsters "~" without a name', 'https://lobste.rs/~'],
    ['a Lobsters "user/" path', 'https://lobste.rs/user/jcs'],
    ['a Reddit "users/" path', 'https://www.reddit.com/users/spez'],
    ['a Reddit "u/" without a name', 'https://www.reddit.com/u/'],
  ])('flags %s as a malformed profile', (_, url) => {
    expect(classifyUrl(url).kind).toBe('bad-profile');
  });

  it.each([
    ['https://news.ycombinator.com/user?id=wrs', profile('wrs', 'Hacker News')],
    ['https://lobste.rs/u/jcs', profile('jcs', 'Lobsters')],
    ['https://www.reddit.com/user/spez/', profile('spez', 'Reddit')],
    ['https://news.ycombinator.com/submitted?id=pg', other],
  ])('accepts %s', (url, expected) => {
    expect(classifyUrl(url)).toEqual(expected);
  });
});
