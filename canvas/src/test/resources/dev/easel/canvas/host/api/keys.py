class Keys(easel.Canvas):
    size = (10, 10)

    def on_draw(self, g):
        if self.frame == 1:
            check("keys held", self.keys == {"a", "Shift"}, repr(self.keys))
        elif self.frame == 2:
            check("focus lost empties keys", self.keys == frozenset(), repr(self.keys))
        elif self.frame == 3:
            check("keys after focus is back", self.keys == {"b"}, repr(self.keys))


Keys().show()
