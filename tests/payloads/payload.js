alert('PWN-J01')
