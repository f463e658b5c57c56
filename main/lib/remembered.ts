/**
 * `judge` remembered per key, for a question asked of the same few names on every request (header names,
 * body field names). At most `limit` answers are kept, so a flood of made-up names cannot grow it without
 * end; past that, a new name is judged each time.
 */
export function remembered<Answer>(judge: (key: string) => Answer, limit = 1000): (key: string) => Answer {
  const answers = new Map<string, Answer>();
  return (key) => {
    if (answers.has(key)) return answers.get(key)!;
    const answer = judge(key);
    if (answers.size < limit) answers.set(key, answer);
    return answer;
  };
}
