/**
 * The parts of a summary that read as one thing stay on one line: a code (an invoice number such as HN-00004; a
 * browser breaks a line after a hyphen, and "HN-" over "00004" read as two things) and an amount with its currency
 * (936.200 ₫, said with a plain space). A part wider than its whole line still wraps (see .kept-together).
 */
const TOGETHER = /(\S*-\S*|\d[\d.,]* \p{Sc})/u;

export function KeptTogether({ text }: { text: string }) {
  return (
    <>
      {text.split(TOGETHER).map((part, index) =>
        // The split puts what it matched at the odd places.
        index % 2 === 1 ? (
          <span key={index} className="kept-together">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
