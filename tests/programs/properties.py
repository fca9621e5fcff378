# Checks @property getters, setters with validation, deleters, computed attributes, read-only properties.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
t.celsius = -40
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)

class Circle:
    def __init__(self, radius):
        self._radius = radius

    @property
    def area(self):
        return round(3.14159 * self._radius ** 2, 3)

    @property
    def name(self):
        return "circle"

    @name.deleter
    def name(self):
        print("deleting name (refused)")

c = Circle(2)
print(c.area, c.name)
del c.name
try:
    c.area = 10
except AttributeError:
    print("AttributeError: area is read-only")

print(Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset is not None, Circle.area.fset)

print(isinstance(Circle.area, property), type(Circle.area).__name__, type(Circle.area) is property)
print(isinstance(Circle.__dict__["__init__"], staticmethod), callable(property))
counted = property(lambda self: 42, doc="the answer")
class Late:
    answer = counted
print(Late().answer, Late.answer.__doc__ is None or Late.answer.__doc__)


# A subclass of property acts as the property it extends, and its setter keeps the subclass.
class labelled(property):
    """A property with a label."""

    def label(self):
        return "labelled " + self.fget.__name__


class Box:
    def __init__(self):
        self._size = 1

    @labelled
    def size(self):
        "how big"
        return self._size * 10

    @size.setter
    def size(self, value):
        self._size = value


box = Box()
box.size = 4
descriptor = Box.__dict__["size"]
print(box.size, type(descriptor).__name__, isinstance(descriptor, property))
print(descriptor.label(), descriptor.__doc__, descriptor.fset is not None)
