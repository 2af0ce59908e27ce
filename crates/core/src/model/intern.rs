//! The two ways the core numbers texts. Each distinct text gets a number (0, 1, 2… in
//! first-seen order), so that rows can be keyed, grouped and sent as numbers.
//!
//! - [`Interner`] finds a text by its letters. Texts that come from cells, links or any
//!   other text of unknown origin are numbered here.
//! - [`ByObject`] finds a text by the object that holds it. The observations of one data
//!   set share their [`Text`] objects (import gives every spelling one object), so most
//!   look-ups hash one number and never read the letters. It asks an [`Interner`] only
//!   for an object it has not seen: two objects may spell one text (files joined).
//!
//! Both remember the last text they were asked for, since texts come in runs (a unit's
//! rows, a period's columns).

use super::Text;
use rustc_hash::FxHashMap;

/// Numbers texts by their letters, keeping one shared [`Text`] of each.
#[derive(Default)]
pub struct Interner {
    ids: FxHashMap<Text, u32>,
    texts: Vec<Text>,
    /// The number of the last text asked for (compared by letters: an address could be
    /// reused by another text once the first is gone).
    last: Option<u32>,
}

impl Interner {
    /// The number of `letters`; a text it has not seen is kept as a new object.
    pub fn id(&mut self, letters: &str) -> u32 {
        match self.find(letters) {
            Some(id) => id,
            None => self.push(Text::from(letters)),
        }
    }

    /// The number of `text`'s letters; a text it has not seen is kept as this object (no
    /// copy of the letters).
    pub fn id_of(&mut self, text: &Text) -> u32 {
        match self.find(text) {
            Some(id) => id,
            None => self.push(text.clone()),
        }
    }

    /// The text numbered `id` (the object kept when it was first seen).
    pub fn text(&self, id: u32) -> Text {
        self.texts[id as usize].clone()
    }

    /// Every text, in number order.
    pub fn texts(&self) -> &[Text] {
        &self.texts
    }

    /// How many distinct texts it has numbered.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether it has numbered none.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    fn find(&mut self, letters: &str) -> Option<u32> {
        if let Some(last) = self.last {
            if self.texts[last as usize].as_str() == letters {
                return Some(last);
            }
        }
        let found = self.ids.get(letters).copied();
        if found.is_some() {
            self.last = found;
        }
        found
    }

    fn push(&mut self, text: Text) -> u32 {
        let id = self.texts.len() as u32;
        self.ids.insert(text.clone(), id);
        self.texts.push(text);
        self.last = Some(id);
        id
    }
}

/// Numbers text objects by their address, their letters only the first time an object is
/// seen. `COLUMNS` fields (group, unit, period, indicator…) share one numbering, each with
/// its own last object. The objects must outlive it (they are the rows it is numbering):
/// an address is a key only while its object lives.
pub struct ByObject<const COLUMNS: usize> {
    letters: Interner,
    objects: FxHashMap<usize, u32>,
    last: [Option<(usize, u32)>; COLUMNS],
}

impl<const COLUMNS: usize> Default for ByObject<COLUMNS> {
    fn default() -> Self {
        ByObject { letters: Interner::default(), objects: FxHashMap::default(), last: [None; COLUMNS] }
    }
}

impl<const COLUMNS: usize> ByObject<COLUMNS> {
    /// The number of `text`'s letters, and whether these letters are seen for the first
    /// time.
    pub fn id(&mut self, column: usize, text: &Text) -> (u32, bool) {
        let addr = text.addr();
        if let Some((last, id)) = self.last[column] {
            if last == addr {
                return (id, false);
            }
        }
        let (id, new) = match self.objects.get(&addr) {
            Some(id) => (*id, false),
            None => {
                let count = self.letters.len();
                let id = self.letters.id_of(text);
                self.objects.insert(addr, id);
                (id, id as usize == count)
            }
        };
        self.last[column] = Some((addr, id));
        (id, new)
    }

    /// Every distinct text, in number order.
    pub fn texts(&self) -> &[Text] {
        self.letters.texts()
    }

    /// Each object seen (by address) → the number of its letters.
    pub fn into_objects(self) -> FxHashMap<usize, u32> {
        self.objects
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interner_numbers_letters_in_first_seen_order() {
        let mut names = Interner::default();
        let ids: Vec<u32> = ["Huế", "Hà Nội", "Huế", "Huế", "Cần Thơ", "Hà Nội"].map(|s| names.id(s)).to_vec();
        assert_eq!(ids, [0, 1, 0, 0, 2, 1]);
        assert_eq!(names.len(), 3);
        assert_eq!(names.text(1), "Hà Nội");
    }

    #[test]
    fn the_interner_keeps_the_first_object_of_a_text() {
        let mut names = Interner::default();
        let first = Text::from("Huế");
        let second = Text::from("Huế");
        assert_eq!((names.id_of(&first), names.id_of(&second)), (0, 0));
        assert_eq!(names.text(0).addr(), first.addr());
        assert_eq!(names.id("Huế"), 0);
    }

    #[test]
    fn by_object_joins_two_objects_of_one_text_and_says_which_is_new() {
        let (hue, hue_again, hanoi) = (Text::from("Huế"), Text::from("Huế"), Text::from("Hà Nội"));
        let mut numbers: ByObject<2> = ByObject::default();
        let seen: Vec<(u32, bool)> = [(0, &hue), (0, &hue), (1, &hanoi), (0, &hue_again), (1, &hue), (0, &hanoi)]
            .into_iter()
            .map(|(column, text)| numbers.id(column, text))
            .collect();
        assert_eq!(seen, [(0, true), (0, false), (1, true), (0, false), (0, false), (1, false)]);
        assert_eq!(numbers.texts(), [Text::from("Huế"), Text::from("Hà Nội")]);
        assert_eq!(numbers.into_objects().len(), 3);
    }
}
